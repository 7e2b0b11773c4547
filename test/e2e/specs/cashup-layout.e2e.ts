import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvAmount } from '../../../src/main/services/cashup';
import { pieceKey } from '../../../src/shared/domain/cashup-denominations';
import { startApp, type App } from '../harness';

/**
 * The cash-up at the desks receptionists have (issue 25 items 9 and 10): 1024×768, 1366×768 and a
 * 1366 screen at 150 % zoom (911×512 CSS px at scale 1.5, how Electron zooms), in English and Russian.
 * The Difference column stays on screen, inside its card and uncovered; the figures come before the
 * print panel; no drawer subtotal hangs out of its card. Screenshots: test-results/screenshots/cashup-layout-*.png.
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 }, scale: 1 },
  { name: '1366', viewport: { width: 1366, height: 768 }, scale: 1 },
  { name: '911x512@1.5', viewport: { width: 911, height: 512 }, scale: 1.5 },
] as const;

const LANGS = [
  { lang: 'en', difference: 'Difference', heading: 'Cash up' },
  { lang: 'ru', difference: 'Разница', heading: 'Сверка кассы' },
] as const;

describe.each(SIZES)('cash-up layout at $name', ({ name, viewport, scale }) => {
  let app: App;
  let locationId = 0;
  let day = '';
  beforeAll(async () => {
    app = await startApp({ viewport, deviceScaleFactor: scale });
    await app.signIn();
    await app.openCatalogue(); // Today opens first
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    const h = app.services.handlers;
    locationId = (await h['settings.get'](undefined)).desk.locationId ?? (await h['catalog.locations'](undefined)).items[0]!.id;
    const today = await h['reports.dayEnd']({ locationId });
    // Yesterday: a whole day of takings, big enough for long subtotals.
    day = new Date(Date.parse(`${today.date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // A counted drawer (every subtotal filled) and a typed card batch, through the app's own channels.
    const v = await h['cashup.open']({ locationId, date: day });
    const pieces: Record<string, number> = {};
    for (const d of v.denominations) pieces[pieceKey(d)] = d.kind === 'note' ? 1234 : 99;
    const typed: Record<string, number> = {};
    for (const l of v.figures.lines.filter((x) => !x.cash)) typed[l.title] = l.expected;
    await h['cashup.save']({
      locationId,
      date: day,
      version: 1,
      input: { ...v.current.input, countCurrency: v.currencies[0] ?? null, pieces, typed, openingFloat: 200_000 },
    });
    expect(csvAmount(0)).toBe('0.00');
  }, 120_000);
  afterAll(async () => app?.close());

  for (const l of LANGS) {
    it(`${l.lang}: the Difference column is visible, figures come first, subtotals stay in their card`, async () => {
      const { page } = app;
      await page.locator('a[href="#/settings"]').first().click();
      await page.locator('[data-test=language]').selectOption(l.lang);
      await page.evaluate((d) => (location.hash = `#/cashup?date=${d}`), day);
      await page.getByRole('heading', { level: 1, name: l.heading }).waitFor({ timeout: 30_000 });
      await page.locator('[data-test="total-variance"]').waitFor();
      await page.waitForTimeout(300); // fonts and the preview settle
      await app.shot(`cashup-layout-${name}-${l.lang}`);

      const head = page.locator('section.accounts thead th').last();
      expect((await head.innerText()).trim()).toBe(l.difference);
      const geometry = await page.evaluate(() => {
        const r = (el: Element | null) => el!.getBoundingClientRect();
        const card = document.querySelector('section.accounts')!;
        const th = card.querySelector('thead th:last-child')!;
        const side = document.querySelector('aside.side')!;
        const t = r(th);
        const hit = document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2);
        const drawer = document.querySelector('section.drawer')!;
        // The text, not the grid cell: a long subtotal overflows its cell while the cell stays put.
        const overhang = Array.from(drawer.querySelectorAll('.piece > *')).map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const text = range.getBoundingClientRect();
          const clipped = cell.scrollWidth > cell.clientWidth + 1 ? 1000 : 0;
          return Math.max(text.right - r(drawer).right, text.right - r(cell).right, clipped);
        });
        return {
          th: { left: t.left, right: t.right },
          card: { left: r(card).left, right: r(card).right, top: r(card).top },
          side: { left: r(side).left, top: r(side).top },
          viewport: document.documentElement.clientWidth,
          uncovered: hit !== null && th.contains(hit),
          tableOverflow: card.scrollWidth - card.clientWidth,
          maxOverhang: Math.max(...overhang),
          pieces: overhang.length,
        };
      });
      // Visible: inside the window, inside its card, and nothing (the side panel) drawn over it.
      expect(geometry.th.right).toBeLessThanOrEqual(geometry.viewport);
      expect(geometry.th.right).toBeLessThanOrEqual(geometry.card.right + 1);
      expect(geometry.tableOverflow).toBeLessThanOrEqual(1);
      expect(geometry.uncovered).toBe(true);
      // Side by side, the panel starts right of the figures; stacked, below them.
      expect(geometry.side.left >= geometry.card.right || geometry.side.top >= geometry.card.top).toBe(true);
      expect(geometry.side.top >= geometry.card.top).toBe(true);
      for (const [part, sel] of [
        ['drawer', 'section.drawer'],
        ['movements', 'section.movements'],
        ['panel', 'aside.side'],
      ] as const) {
        await page.locator(sel).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await app.shot(`cashup-layout-${name}-${l.lang}-${part}`);
      }
      // Every note and coin row ends inside the drawer card.
      expect(geometry.pieces).toBeGreaterThan(0);
      expect(geometry.maxOverhang).toBeLessThanOrEqual(0.5);
    });
  }
});
