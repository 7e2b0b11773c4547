/**
 * Electron smoke test of the packaged app, run on each OS by .github/workflows/release.yml after
 * the smoke pack (`electron-builder --dir` into release-smoke/ with FRONT_DESK_SMOKE_FUSES=1): launch with a temporary user-data folder, sign in to the Demo salon, wait
 * for the catalogue, search, save the day report as PDF and check its first page, lock and unlock
 * with a PIN, quit, and check the process is gone within 5 s.
 *
 * Relies on (Playwright docs, class-electron): `_electron.launch({ executablePath })` drives the
 * main process through Node's inspector, which the `EnableNodeCliInspectArguments` fuse turns off
 * in the installers — hence the separate smoke pack (FRONT_DESK_SMOKE_FUSES=1) that keeps only that
 * fuse on; it is never uploaded. `--user-data-dir` is Chromium's switch, which Electron maps to
 * app.getPath('userData'); the test checks the database really landed there.
 *
 * Where no packaged app exists (no Electron binary, as in this project's own CI) it prints why and
 * exits 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { packagedApp, skipReason } from './find-app';

const root = join(import.meta.dirname, '..', '..');
const PIN = '2468';

function step(name: string): void {
  console.log(`[smoke] ${name}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The first page's text (poppler's pdftotext where it is installed), else its raw objects. */
function firstPage(pdf: string): string {
  try {
    return execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
  } catch {
    return readFileSync(pdf, 'latin1');
  }
}

async function main(): Promise<void> {
  const executablePath = packagedApp(root);
  if (!executablePath) {
    console.log(`[smoke] skipped: ${skipReason(root)}`);
    return;
  }
  const userData = mkdtempSync(join(tmpdir(), 'front-desk-smoke-'));
  const pdfPath = join(userData, 'day-report.pdf');
  step(`launching ${executablePath} with user data in ${userData}`);
  const app = await electron.launch({ executablePath, args: [`--user-data-dir=${userData}`], timeout: 60_000 });
  const pid = app.process().pid!;
  try {
    const page = await app.firstWindow();
    page.setDefaultTimeout(60_000);

    step('sign in to the Demo salon');
    await page.getByLabel('Login', { exact: true }).fill('demo@frontdesk.app');
    await page.getByLabel('Password', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    if (!existsSync(join(userData, 'front-desk.sqlite')))
      throw new Error(`the database is not in the temporary user-data folder ${userData}`);

    step('wait for the catalogue and search');
    await page.getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.getByRole('searchbox').fill('hairc');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /haircut/i })
      .first()
      .waitFor();

    step('save the day report as PDF');
    // The save dialog is native: answer it from main with our path (Playwright evaluates there).
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, pdfPath);
    await page.getByRole('link', { name: 'Day report' }).click();
    await page.getByRole('button', { name: 'Save PDF' }).click();
    for (let i = 0; i < 60 && !existsSync(pdfPath); i++) await new Promise((r) => setTimeout(r, 500));
    const bytes = readFileSync(pdfPath);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the saved day report is not a PDF');
    const page1 = firstPage(pdfPath);
    if (!/Day report|Z report|\/Type\s*\/Page\b/.test(page1))
      throw new Error(`page 1 of the PDF does not look like the day report:\n${page1.slice(0, 500)}`);

    step('set a PIN, lock, unlock with it');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('New PIN').fill(PIN);
    await page.getByRole('button', { name: 'Save PIN' }).click();
    await page.getByText('PIN saved.').waitFor();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Front Desk is locked' }).waitFor();
    await page.locator('[data-user]').first().click();
    for (const d of PIN) await page.locator(`[data-key="${d}"]`).click();
    await page.locator('[data-key="ok"]').click();
    await page.getByRole('navigation').waitFor();

    step('quit: the process must be gone within 5 s');
    await app.evaluate(({ app: a }) => a.quit());
    const deadline = Date.now() + 5_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) throw new Error(`Front Desk (pid ${pid}) was still running 5 s after quit`);
    step('ok');
  } finally {
    if (alive(pid)) await app.close().catch(() => undefined);
    rmSync(userData, { recursive: true, force: true });
  }
}

await main();
