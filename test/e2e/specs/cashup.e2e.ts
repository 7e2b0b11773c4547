import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptPageHeightMicrons, receiptViewportPx, receiptWidthMm } from '../../../src/main/print/receipt-page';
import { csvAmount } from '../../../src/main/services/cashup';
import type { CashupView, Denomination } from '../../../src/shared/domain/cashup';
import { pieceKey } from '../../../src/shared/domain/cashup-denominations';
import type { Paper } from '../../../src/shared/domain/session';
import { startApp, type App } from '../harness';

const OUT = join(process.cwd(), 'test-results', 'cashup-e2e');

/** Notes and coins that add up to `milli`, largest first (how a receptionist stacks a drawer). */
function stack(milli: number, table: readonly Denomination[]): Map<Denomination, number> {
  const out = new Map<Denomination, number>();
  let left = milli;
  for (const d of table) {
    const n = Math.floor(left / d.value);
    if (n > 0) out.set(d, n);
    left -= n * d.value;
  }
  expect(left).toBe(0);
  return out;
}

/** Issue 14: closing the demo salon's busiest day — count, explain, lock, correct, print three papers, offline. */
describe('cash-up, end to end', () => {
  let app: App;
  let locationId = 0;
  let busiest = '';
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1366, height: 900 } });
    await app.signIn();
    await app.openCatalogue(); // Today opens first
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 30_000 });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => app?.close());

  const h = () => app.services.handlers;
  const view = async (): Promise<CashupView> => h()['cashup.open']({ locationId, date: busiest });

  it('finds the busiest day of the demo salon and opens its cash-up from the Day report', async () => {
    const { page } = app;
    const desk = await h()['settings.get'](undefined);
    locationId = desk.desk.locationId ?? (await h()['catalog.locations'](undefined)).items[0]!.id;
    const today = await h()['reports.dayEnd']({ locationId });
    let best = -1;
    for (let i = 0; i < 14; i++) {
      const date = new Date(Date.parse(`${today.date}T12:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10);
      const r = await h()['reports.dayEnd']({ locationId, date });
      if (r.totals.accounts > best) [best, busiest] = [r.totals.accounts, date];
    }
    await page.getByRole('link', { name: 'Day report', exact: true }).click();
    // The day field, not the day-navigation group that shares its label.
    await page.getByRole('textbox', { name: 'Date' }).fill(busiest);
    await page.getByText('Takings by payment account').waitFor();
    await page.getByRole('button', { name: '58 mm receipt' }).click();
    await page.locator('iframe.preview.receipt58').waitFor();
    await page
      .frameLocator('iframe[title="Print preview"]')
      .getByText(/Manager signature/i)
      .waitFor();
    await app.shot('39-day-report-receipt58');
    const link = page.locator('[data-test="cash-up"]');
    await expect.poll(() => link.getAttribute('href'), { timeout: 15_000 }).toContain(busiest);
    await link.click();
    await page.getByText('Expected and counted').waitFor();
    await page.getByText(/Draft · version 1/).waitFor();
    await app.shot('40-cashup-open');
  });

  it('counts the drawer by notes and coins and the card batch; the difference shows as it is typed', async () => {
    const { page } = app;
    // "$" is read with the location's country: New York counts US dollars, and only those.
    const currencies = page.getByLabel('Count notes and coins in').locator('option');
    expect(await currencies.allTextContents()).toEqual(['Type the total', 'USD']);
    await page.getByLabel('Count notes and coins in').selectOption('USD');
    await page.getByLabel('Opening float', { exact: true }).fill('200');
    await page.getByRole('button', { name: '+ Paid out' }).click();
    await page.getByLabel('Amount', { exact: true }).fill('40');
    await page.getByLabel('Reason', { exact: true }).fill('Tip payout, Sofia');
    const v = await (async () => {
      // Wait for the typing pause to save, then read what main computed.
      await page.getByText('Saved on this desk').waitFor();
      return view();
    })();
    const table = v.denominations;
    // The drawer is $5 short: a $5 note went out as change twice.
    const drawer = v.figures.drawer.expected - 5000;
    for (const [d, n] of stack(drawer, table)) await page.locator(`[id="piece-${pieceKey(d)}"]`).fill(String(n));
    for (const l of v.figures.lines.filter((x) => !x.cash)) {
      await page.getByLabel(`Counted for ${l.title}`).fill(csvAmount(l.expected));
    }
    await page.locator('[data-test="total-variance"]').getByText(/short/).waitFor();
    await page.locator('[data-test="note-required"]').waitFor();
    await app.shot('41-cashup-counted-short');
    await page
      .locator('section[aria-label="Note"] textarea')
      .fill('$5 short: change given twice to a walk-in client at 17:40. Checked the drawer tray.');
    await page.getByText('Saved on this desk').waitFor();
    const saved = await view();
    expect(saved.figures.total.variance).toBe(-5000);
    expect(saved.figures.drawer.variance).toBe(-5000);
    expect(saved.figures.noteRequired).toBe(false);
  });

  it('previews the 58 mm roll, saves the PDF (which locks it) and prints the other papers from the lock', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '58 mm receipt' }).click();
    await page
      .frameLocator('iframe[title="Print preview"]')
      .getByText(/Manager signature/i)
      .waitFor();
    await app.shot('42-cashup-preview-58mm');
    await page.getByRole('button', { name: 'A4' }).click();
    await page.getByRole('button', { name: 'Save PDF' }).click();
    await page.getByText(/The cash-up is locked/).waitFor();
    await page.getByText(/Version 1 locked at/).waitFor();
    expect(await page.locator('[id^="piece-"]').first().isDisabled()).toBe(true);
    await app.shot('43-cashup-locked');
    for (const paper of ['80 mm receipt', '58 mm receipt']) {
      await page.getByRole('button', { name: paper }).click();
      await page.getByRole('button', { name: 'Save PDF' }).click();
      await page.getByText(/Saved as/).waitFor();
    }
    // The saved documents, turned into real PDFs and PNGs the way shell/print.ts does it.
    const prints = join(app.userData, 'prints');
    const files = readdirSync(prints)
      .filter((f) => f.includes('Cash-up'))
      .sort();
    expect(files).toHaveLength(3);
    const papers: Paper[] = ['a4', 'receipt80', 'receipt58'];
    for (const [i, f] of files.entries()) {
      const paper = papers[i]!;
      const html = readFileSync(join(prints, f), 'utf8');
      const pdf = join(OUT, `busiest-day-${paper}.pdf`);
      const page2 = await app.browser.newPage(
        paper === 'a4' ? {} : { viewport: { width: receiptViewportPx(paper), height: 600 } },
      );
      await page2.setContent(html);
      if (paper === 'a4') {
        writeFileSync(pdf, await page2.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      } else {
        const height = await page2.evaluate<number>('document.documentElement.scrollHeight');
        const mm = receiptPageHeightMicrons(height) / 1000;
        writeFileSync(
          pdf,
          await page2.pdf({ width: `${receiptWidthMm(paper)}mm`, height: `${mm}mm`, printBackground: true }),
        );
      }
      await page2.close();
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '96',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        pdf.replace(/\.pdf$/, ''),
      ]);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/Locked/);
      expect(text).toMatch(/Manager signature/);
    }
  });

  it('a correction is version 2 with its reason, and the history shows both', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Correct this cash-up' }).click();
    await page.getByLabel('Why does it need a correction?').fill('Found the $5 note under the till tray');
    await page.getByRole('button', { name: 'Start version 2' }).click();
    await page.getByText(/Draft · version 2/).waitFor();
    await page
      .locator('[id="piece-note:5000"]')
      .fill(String(Number(await page.locator('[id="piece-note:5000"]').inputValue()) + 1));
    await page.locator('[data-test="total-variance"]').getByText('Balanced').waitFor();
    await page.getByText('Saved on this desk').waitFor();
    await app.shot('44-cashup-correction');
    await page.getByText('Last 30 cash-ups').scrollIntoViewIfNeeded();
    await page.locator('section[aria-label="Last 30 cash-ups"] tbody tr').first().getByText('Balanced').waitFor();
    await app.shot('46-cashup-history');
    const v = await view();
    expect(v.versions.map((x) => [x.version, x.status, x.variance])).toEqual([
      [1, 'locked', -5000],
      [2, 'draft', 0],
    ]);
    const { csv } = await h()['cashup.exportCsv']({ locationId, from: busiest, to: busiest });
    writeFileSync(join(OUT, 'busiest-day.csv'), csv);
    writeFileSync(
      join(OUT, 'busiest-day.json'),
      JSON.stringify(
        {
          date: busiest,
          currency: v.current.z.currency,
          lines: v.figures.lines,
          drawer: v.figures.drawer,
          total: v.figures.total,
          v1: (await h()['cashup.history']({ locationId })).rows[0],
        },
        null,
        2,
      ),
    );
  });

  it('offline, the draft reopens on the Z report copy and says so', async () => {
    const { page } = app;
    await app.demo.stop();
    await page.getByRole('link', { name: 'Day report', exact: true }).click();
    await page.getByText(/From cache, fetched/).waitFor({ timeout: 30_000 });
    await page.locator('[data-test="cash-up"]').click();
    await page.getByText(/Offline: checked against the Z report copy fetched/).waitFor({ timeout: 30_000 });
    await app.shot('45-cashup-offline');
    await app.demo.restart();
  });
});
