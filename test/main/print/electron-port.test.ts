import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECEIPT_MAX_PAGE_MICRONS, receiptPageHeightMicrons } from '../../../src/main/print/receipt-page';
import { AppError } from '../../../src/shared/errors';

/** A hand-made `electron`: hidden windows record what they load and what they are asked to print. */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const state = {
    windows: [] as FakeWindow[],
    /** What the next window's renderer reports as its preferred size after loading (null: nothing). */
    preferredSize: { width: 302, height: 1200 } as { width: number; height: number } | null,
    /** Sizes reported while the document is still loading (a partial layout). */
    sizesDuringLoad: [] as { width: number; height: number }[],
    printResult: [true, ''] as [boolean, string],
    pdfBytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), // "%PDF-"
    saveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' as string | undefined })),
    documents: '/home/desk/Documents',
    printers: [
      { name: 'TM_T20', displayName: 'Epson TM-T20', description: '', options: { 'printer-is-default': 'false' } },
      { name: 'Office', displayName: '', description: '', options: { 'printer-is-default': 'true' } },
    ],
  };
  class FakeWindow {
    options: Record<string, unknown>;
    destroyed = false;
    loadedFile: string | null = null;
    loadedHtml: string | null = null;
    listeners = new Map<string, Listener[]>();
    webContents = {
      on: (event: string, fn: Listener) => {
        this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      },
      print: vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => {
        callback(...state.printResult);
      }),
      printToPDF: vi.fn(async (_options: unknown) => Buffer.from(state.pdfBytes)),
      getPrintersAsync: vi.fn(async () => state.printers),
    };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    async loadFile(file: string) {
      const fs = await import('node:fs');
      this.loadedFile = file;
      this.loadedHtml = fs.readFileSync(file, 'utf8');
      for (const early of state.sizesDuringLoad) this.listeners.get('preferred-size-changed')?.forEach((fn) => fn({}, early));
      const size = state.preferredSize;
      if (size) setTimeout(() => this.listeners.get('preferred-size-changed')?.forEach((fn) => fn({}, size)), 1);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    state,
    FakeWindow,
    module: {
      BrowserWindow: FakeWindow,
      dialog: { showSaveDialog: state.saveDialog },
      app: { getPath: (name: string) => (name === 'documents' ? state.documents : '/tmp') },
    },
  };
});

vi.mock('electron', () => electron.module);

const { createElectronPrintPort, RECEIPT_FALLBACK_MICRONS } = await import('../../../src/main/shell/print');

const HTML = '<!doctype html><html><head><title>r</title></head><body>Day-end report</body></html>';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'front-desk-print-test-'));
  electron.state.windows.length = 0;
  electron.state.preferredSize = { width: 302, height: 1200 };
  electron.state.sizesDuringLoad = [];
  electron.state.printResult = [true, ''];
  electron.state.saveDialog.mockReset();
  electron.state.saveDialog.mockResolvedValue({ canceled: true, filePath: '' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function only(): InstanceType<typeof electron.FakeWindow> {
  expect(electron.state.windows).toHaveLength(1);
  return electron.state.windows[0]!;
}

describe('Electron print port: print', () => {
  it('prints a receipt 80 mm wide and as long as the measured document, margins off, to the chosen printer', async () => {
    const port = createElectronPrintPort();
    await expect(port.print(HTML, { paper: 'receipt80', printer: 'TM_T20', silent: true })).resolves.toBe(true);
    const win = only();
    expect(win.webContents.print).toHaveBeenCalledTimes(1);
    expect(win.webContents.print.mock.calls[0]![0]).toEqual({
      silent: true,
      printBackground: true,
      color: false,
      landscape: false,
      copies: 1,
      deviceName: 'TM_T20',
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: receiptPageHeightMicrons(1200) },
    });
    expect(receiptPageHeightMicrons(1200)).toBeGreaterThan(300_000); // 1200 px ≈ 317 mm, plus the tail
  });

  it('refuses a printer the OS does not list, in words, without printing', async () => {
    const err = await createElectronPrintPort()
      .print(HTML, { paper: 'receipt80', printer: 'Gone', silent: true })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"Gone" is not available') });
    expect(only().webContents.print).not.toHaveBeenCalled();
    expect(only().destroyed).toBe(true);
  });

  it('loads the exact HTML in a hidden, sandboxed window with JavaScript off, then cleans up', async () => {
    await createElectronPrintPort().print(HTML, { paper: 'receipt80', silent: false });
    const win = only();
    expect(win.options).toMatchObject({
      show: false,
      useContentSize: true,
      width: 302,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        enablePreferredSizeMode: true,
      },
    });
    expect((win.options['webPreferences'] as Record<string, unknown>)['preload']).toBeUndefined();
    expect(win.loadedHtml).toBe(HTML);
    expect(win.destroyed).toBe(true);
    expect(existsSync(win.loadedFile!)).toBe(false);
  });

  it('uses an A4-long page, not the 1 m maximum, when the receipt height never arrives', async () => {
    electron.state.preferredSize = null;
    await createElectronPrintPort({ measureTimeoutMs: 5 }).print(HTML, { paper: 'receipt80', silent: true });
    const options = only().webContents.print.mock.calls[0]![0] as { pageSize: { height: number } };
    expect(options.pageSize.height).toBe(RECEIPT_FALLBACK_MICRONS);
    expect(RECEIPT_FALLBACK_MICRONS).toBeLessThan(RECEIPT_MAX_PAGE_MICRONS / 3);
  });

  it('takes the height of the finished layout, not a partial one reported while loading', async () => {
    electron.state.sizesDuringLoad = [{ width: 302, height: 80 }];
    electron.state.preferredSize = { width: 302, height: 1200 };
    await createElectronPrintPort({ settleMs: 20 }).print(HTML, { paper: 'receipt80', silent: true });
    const options = only().webContents.print.mock.calls[0]![0] as { pageSize: { height: number } };
    expect(options.pageSize.height).toBe(receiptPageHeightMicrons(1200));
  });

  it('keeps a height reported before load when nothing changes afterwards', async () => {
    electron.state.sizesDuringLoad = [{ width: 302, height: 900 }];
    electron.state.preferredSize = null;
    await createElectronPrintPort({ settleMs: 5, measureTimeoutMs: 1000 }).print(HTML, { paper: 'receipt80', silent: true });
    const options = only().webContents.print.mock.calls[0]![0] as { pageSize: { height: number } };
    expect(options.pageSize.height).toBe(receiptPageHeightMicrons(900));
  });

  it('prints A4 explicitly (Electron would not ask the printer), with the system dialog when not silent', async () => {
    await createElectronPrintPort().print(HTML, { paper: 'a4', silent: false });
    const win = only();
    expect(win.webContents.print.mock.calls[0]![0]).toEqual({
      silent: false,
      printBackground: true,
      color: false,
      landscape: false,
      copies: 1,
      margins: { marginType: 'default' },
      pageSize: 'A4',
    });
    expect((win.options['webPreferences'] as Record<string, unknown>)['enablePreferredSizeMode']).toBe(false);
  });

  it('answers false when the user cancels the print dialog, and an error when the printer fails', async () => {
    electron.state.printResult = [false, 'Print job canceled'];
    await expect(createElectronPrintPort().print(HTML, { paper: 'a4', silent: false })).resolves.toBe(false);
    electron.state.printResult = [false, 'Print job failed'];
    const err = await createElectronPrintPort()
      .print(HTML, { paper: 'a4', silent: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('Print job failed');
    expect(electron.state.windows.every((w) => w.destroyed)).toBe(true);
  });
});

describe('Electron print port: PDF', () => {
  it('returns null and renders nothing when the save dialog is cancelled', async () => {
    const port = createElectronPrintPort();
    await expect(port.savePdf(HTML, { paper: 'a4', suggestedName: 'Day report 2026-03-23.pdf' })).resolves.toBeNull();
    expect(electron.state.windows).toHaveLength(0);
    expect(electron.state.saveDialog.mock.calls[0]![0]).toMatchObject({
      defaultPath: join('/home/desk/Documents', 'Day report 2026-03-23.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('saves an A4 PDF where the user chose, with the A4 page size', async () => {
    const target = join(dir, 'report.pdf');
    electron.state.saveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const path = await createElectronPrintPort().savePdf(HTML, { paper: 'a4', suggestedName: 'r.pdf' });
    expect(path).toBe(target);
    expect(readFileSync(target)).toEqual(Buffer.from(electron.state.pdfBytes));
    expect(only().webContents.printToPDF.mock.calls[0]![0]).toEqual({
      printBackground: true,
      pageSize: 'A4',
      preferCSSPageSize: true,
    });
  });

  it('saves a receipt PDF 80 mm wide at the measured length, no margins, adding .pdf when missing', async () => {
    electron.state.saveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'receipt') });
    const path = await createElectronPrintPort().savePdf(HTML, { paper: 'receipt80', suggestedName: 'r.pdf' });
    expect(path).toBe(join(dir, 'receipt.pdf'));
    expect(existsSync(path!)).toBe(true);
    expect(only().webContents.printToPDF.mock.calls[0]![0]).toEqual({
      printBackground: true,
      preferCSSPageSize: true,
      pageSize: { width: 80 / 25.4, height: receiptPageHeightMicrons(1200) / 25_400 },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  });

  it('parents the save dialog to the app window when there is one', async () => {
    const appWindow = new electron.FakeWindow({});
    electron.state.windows.length = 0;
    await createElectronPrintPort({ parent: () => appWindow as never }).savePdf(HTML, {
      paper: 'a4',
      suggestedName: 'r.pdf',
    });
    expect(electron.state.saveDialog.mock.calls[0]![0]).toBe(appWindow);
  });

  it('reports an unwritable target as STORAGE', async () => {
    electron.state.saveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'missing', 'folder', 'r.pdf') });
    await expect(
      createElectronPrintPort().savePdf(HTML, { paper: 'a4', suggestedName: 'r.pdf' }),
    ).rejects.toMatchObject({ code: 'STORAGE' });
  });
});

describe('Electron print port: printers', () => {
  it('lists the OS printers through the app window, with display names; no default mark (Electron documents none)', async () => {
    const appWindow = new electron.FakeWindow({});
    const printers = await createElectronPrintPort({ parent: () => appWindow as never }).printers();
    expect(printers).toEqual([
      { name: 'TM_T20', displayName: 'Epson TM-T20', isDefault: false },
      { name: 'Office', displayName: 'Office', isDefault: false },
    ]);
    expect(appWindow.webContents.getPrintersAsync).toHaveBeenCalledTimes(1);
  });

  it('uses a short-lived hidden window before the app window exists', async () => {
    const printers = await createElectronPrintPort().printers();
    expect(printers).toHaveLength(2);
    expect(only().destroyed).toBe(true);
  });
});
