import { safeFileName } from '../../../src/main/print/file-name';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeadlessPrintPort } from '../../../src/main/print/headless-port';
import { AppError } from '../../../src/shared/errors';
import { SEED_REPORT } from './fixtures';
import { LOC, setup, type ReportsSetup } from './setup';

const DAY = '2026-03-23';
const open: ReportsSetup[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.t.close();
});
function make(): ReportsSetup {
  const s = setup({ days: { [DAY]: SEED_REPORT() } });
  open.push(s);
  return s;
}

describe('reports.html', () => {
  it('returns the exact document print and PDF use, with the report it was made from', async () => {
    const { reports } = make();
    const { html, report } = await reports.handlers['reports.html']({ locationId: LOC, date: DAY, paper: 'receipt80' });
    expect(report.visits[0]?.clientName).toBe('John Smith');
    expect(html).toContain('<body class="receipt80">');
    expect(html).toContain('Printed by: Test Receptionist');
    expect(html).toContain('$73,839.13');
  });

  it("prints in the desk's language unless the call names one; money stays the location's", async () => {
    const { t, reports } = make();
    t.ctx.settings.set('ui.locale', 'es');
    const desk = await reports.handlers['reports.html']({ locationId: LOC, date: DAY, paper: 'a4' });
    expect(desk.html).toContain('Informe de cierre del día');
    expect(desk.html).toContain('$54,321.13');
    const asked = await reports.handlers['reports.html']({ locationId: LOC, date: DAY, paper: 'a4', locale: 'en' });
    expect(asked.html).toContain('Day-end report');
    expect(asked.html).toContain('$54,321.13');
  });
});

describe('reports.print', () => {
  it("prints to the desk's remembered printer when the call names none", async () => {
    const { t, reports, port } = make();
    t.ctx.settings.set('desk.printer', 'TM-T20');
    await expect(
      reports.handlers['reports.print']({ locationId: LOC, date: DAY, paper: 'receipt80', silent: true }),
    ).resolves.toEqual({ printed: true });
    expect(port.printed[0]!.opts).toEqual({ paper: 'receipt80', printer: 'TM-T20', silent: true });
    expect(port.printed[0]!.html).toContain('John Smith');
  });

  it('remembers a printer and paper that worked, and not ones whose dialog was cancelled', async () => {
    const { t, reports, port } = make();
    port.answer = false;
    await expect(
      reports.handlers['reports.print']({ locationId: LOC, date: DAY, paper: 'receipt80', printer: 'Nope' }),
    ).resolves.toEqual({ printed: false });
    expect(t.ctx.settings.get('desk.printer', null)).toBeNull();
    port.answer = true;
    await reports.handlers['reports.print']({ locationId: LOC, date: DAY, paper: 'receipt80', printer: 'TM-T20' });
    expect(t.ctx.settings.get('desk.printer', null)).toBe('TM-T20');
    expect(t.ctx.settings.get('desk.paper', null)).toBe('receipt80');
    expect(port.printed.map((p) => p.opts.silent)).toEqual([false, false]);
  });

  it('prints the offline copy when Altegio cannot be reached, saying so on the paper', async () => {
    const { altegio, reports, port } = make();
    await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    altegio.failOn('zReport', new AppError('OFFLINE', 'No connection to Altegio.'));
    await reports.handlers['reports.print']({ locationId: LOC, date: DAY, paper: 'a4' });
    expect(port.printed[0]!.html).toContain('Offline copy.');
  });
});

describe('reports.savePdf and reports.printers', () => {
  it('offers a file name made of the location, the member and the day, and passes the chosen path back', async () => {
    const { reports, port } = make();
    const result = await reports.handlers['reports.savePdf']({
      locationId: LOC,
      date: DAY,
      staffId: 321123,
      paper: 'a4',
    });
    expect(result).toEqual({ path: '/home/desk/Documents/report.pdf' });
    expect(port.saved[0]!.opts).toEqual({
      paper: 'a4',
      suggestedName: 'Day report James Smith LLC Robert Brown 2026-03-23.pdf',
    });
    port.savePath = null;
    await expect(reports.handlers['reports.savePdf']({ locationId: LOC, date: DAY, paper: 'a4' })).resolves.toEqual({
      path: null,
    });
  });

  it('names the file in the desk language, safe for every OS (issue 25 §15)', async () => {
    const { t, reports, port } = make();
    t.ctx.settings.set('ui.locale', 'ru');
    await reports.handlers['reports.savePdf']({ locationId: LOC, date: DAY, staffId: 321123, paper: 'a4' });
    expect(port.saved[0]!.opts.suggestedName).toBe('Отчёт за день James Smith LLC Robert Brown 2026-03-23.pdf');
    await reports.handlers['reports.savePdf']({ locationId: LOC, date: DAY, paper: 'a4', locale: 'es' });
    expect(port.saved[1]!.opts.suggestedName).toBe('Informe del día James Smith LLC 2026-03-23.pdf');
    expect(safeFileName('CON')).toBe('report CON');
    expect(safeFileName('Отчёт: «Салон/Центр»?')).toBe('Отчёт «Салон Центр»');
  });

  it("lists the printers with the desk's choice and paper", async () => {
    const { t, reports } = make();
    t.ctx.settings.set('desk.printer', 'TM-T20');
    t.ctx.settings.set('desk.paper', 'receipt80');
    const view = await reports.handlers['reports.printers'](undefined);
    expect(view.deskPrinter).toBe('TM-T20');
    expect(view.paper).toBe('receipt80');
    expect(view.printers.map((p) => p.name)).toEqual(['TM-T20', 'Office']);
  });
});

describe('headless print port', () => {
  it('writes what it is asked to print or save as HTML files in its folder, and knows no printers', async () => {
    const { t } = make();
    const folder = join(t.dir, 'prints');
    const port = createHeadlessPrintPort({ folder, now: t.clock.now });
    expect(await port.printers()).toEqual([]);
    expect(await port.print('<p>one</p>', { paper: 'a4', silent: true })).toBe(true);
    expect(await port.print('<p>two</p>', { paper: 'a4', silent: true })).toBe(true);
    const saved = await port.savePdf('<p>three</p>', {
      paper: 'receipt80',
      suggestedName: 'Day report a/b: 2026-03-23.pdf',
    });
    expect(saved).not.toBeNull();
    expect(saved!.startsWith(folder)).toBe(true);
    expect(saved!.endsWith('Day report a b 2026-03-23.html')).toBe(true);
    expect(readFileSync(saved!, 'utf8')).toBe('<p>three</p>');
    expect(existsSync(folder)).toBe(true);
    const { readdirSync } = await import('node:fs');
    expect(
      readdirSync(folder)
        .sort()
        .map((f) => readFileSync(join(folder, f), 'utf8')),
    ).toEqual(['<p>one</p>', '<p>two</p>', '<p>three</p>']);
  });
});
