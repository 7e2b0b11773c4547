import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startApp, type App } from '../harness';

/**
 * Issue 11 in Chromium under the app's real CSP (index.html's meta, no 'unsafe-eval'): the desk in
 * Russian, Spanish, Ukrainian and Brazilian Portuguese on every main screen and on the printed report, then a pseudo-locale pass
 * (accented, 40 % longer) that proves layouts fit. Screenshots: test-results/screenshots/i18n-*.png.
 */

/** Words of the English UI that must not appear once another language is picked. */
const ENGLISH = ['Catalogue', 'Day report', 'Settings', 'Sign out', 'Whole team', 'Takings', 'Manager signature'];

const LANGS = [
  { lang: 'ru', settings: 'Настройки', team: 'Сотрудники', report: 'Отчёт за день', signature: 'Подпись управляющего' },
  { lang: 'es', settings: 'Ajustes', team: 'Equipo', report: 'Informe del día', signature: 'Firma del responsable' },
  { lang: 'uk', settings: 'Налаштування', team: 'Співробітники', report: 'Звіт за день', signature: 'Підпис керівника' },
  { lang: 'pt-BR', settings: 'Configurações', team: 'Equipe', report: 'Relatório do dia', signature: 'Assinatura do gerente' },
] as const;

async function go(page: Page, route: string): Promise<void> {
  await page.locator(`a[href="#/${route}"]`).first().click();
}

/** The preview's document is what main prints: render it as Chromium prints, then page 1 as a PNG. */
async function printedPng(app: App, name: string): Promise<string> {
  const html = await app.page.locator('iframe.preview').first().getAttribute('srcdoc');
  expect(html).toBeTruthy();
  const paper = await app.browser.newPage();
  await paper.setContent(html!);
  const pdf = join(SCREENSHOTS, `${name}.pdf`);
  await paper.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await paper.close();
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

describe('the salon’s language, end to end', () => {
  let app: App;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    app.page.on('console', (m) => {
      // 'frame-ancestors' in a meta CSP is only ignored (the shell sends it as a header); an eval refusal is the failure.
      if (/unsafe-eval|EvalError|Refused to (evaluate|execute)/i.test(m.text())) cspViolations.push(m.text());
    });
    await app.signIn();
    await app.openCatalogue(); // Today opens first
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 30_000 });
  });
  afterAll(async () => app?.close());

  for (const l of LANGS) {
    it(`${l.lang}: settings, catalogue, service, team, day report on screen and on paper`, async () => {
      const { page } = app;
      await go(page, 'settings');
      await page.locator('[data-test=language]').selectOption(l.lang);
      await page.getByRole('heading', { level: 1, name: l.settings }).waitFor();
      await app.shot(`i18n-${l.lang}-settings`);

      await go(page, 'catalogue');
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      await app.shot(`i18n-${l.lang}-catalogue`);
      await page.getByRole('listbox').getByRole('option').first().click();
      await page.locator('.detail, [data-test=service-detail]').first().waitFor();
      await app.shot(`i18n-${l.lang}-service`);

      await go(page, 'team');
      await page.locator('[data-test=team-card]').first().waitFor();
      await app.shot(`i18n-${l.lang}-team`);

      await go(page, 'report');
      await page.frameLocator('iframe.preview').first().getByText(l.signature).waitFor({ state: 'attached', timeout: 30_000 });
      await page.waitForTimeout(300); // the preview's fade-in
      await app.shot(`i18n-${l.lang}-report`);
      const printed = await printedPng(app, `i18n-${l.lang}-report-printed`);
      expect(printed).toContain(l.signature);

      const screen = await page.locator('body').innerText();
      for (const word of ENGLISH) {
        expect(screen, `"${word}" on the ${l.lang} screen`).not.toContain(word);
        expect(printed, `"${word}" on the ${l.lang} printout`).not.toContain(word);
      }
    });
  }

  it('lays out the pseudo-locale (accented, 40 % longer) without clipped text or a page that scrolls sideways', async () => {
    const { page } = app;
    await page.goto(`${app.bridge.url}/?pseudo#/catalogue`);
    await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 30_000 });
    const problems: string[] = [];
    for (const route of ['catalogue', 'team', 'report', 'settings']) {
      await go(page, route);
      await page.waitForTimeout(700);
      await app.shot(`i18n-pseudo-${route}`);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('the page scrolls sideways');
        for (const el of document.querySelectorAll<HTMLElement>('button, a, label, th, h1, h2, h3, .btn, dt')) {
          const style = getComputedStyle(el);
          if (style.display === 'none' || !el.textContent?.includes('[')) continue;
          const clips = style.overflow !== 'visible' || style.whiteSpace === 'nowrap';
          if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName}: ${el.textContent.trim()}`);
        }
        return out;
      });
      problems.push(...found.map((p) => `${route}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('ran vue-i18n under the CSP without eval', () => {
    expect(cspViolations).toEqual([]);
  });
});
