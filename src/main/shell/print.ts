import { app, BrowserWindow, dialog, type WebContents, type WebContentsPrintOptions } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { PrinterInfo, PrintOptions, PrintPaper, PrintPort, SavePdfOptions } from '../print/port';
import { receiptPageHeightMicrons, receiptViewportPx, receiptWidthMm } from '../print/receipt-page';

export interface ElectronPrintDeps {
  /** The app window, for the save dialog and the printer list; absent before it exists. */
  parent?: () => BrowserWindow | undefined;
  /** How long to wait for the receipt's measured height before using the fallback. */
  measureTimeoutMs?: number;
  /** After load, the height counts as settled once no new size arrived for this long. */
  settleMs?: number;
}

/**
 * The page length when Chromium never reported the receipt's height: an A4-long page. A short day
 * wastes at most a hand's length of roll (not the 1 m maximum page); a long one continues on the
 * next page, so nothing is cut off.
 */
export const RECEIPT_FALLBACK_MICRONS = 297_000;

const isReceipt = (paper: PrintPaper): paper is 'receipt80' | 'receipt58' => paper === 'receipt80' || paper === 'receipt58';

/**
 * Receipt page height for a measured CSS px height, or the fallback when there is none. A reported
 * 0 (a layout before the content, a hidden window on some platforms) or NaN is no measurement
 * either: passed on, it became the 1 m maximum page (issue 20, item 8).
 */
export function receiptHeightMicrons(heightPx: number | null): number {
  return heightPx === null || !Number.isFinite(heightPx) || heightPx <= 0
    ? RECEIPT_FALLBACK_MICRONS
    : receiptPageHeightMicrons(heightPx);
}

/**
 * Follows preferred-size-changed from the window's creation and, once the document has loaded,
 * resolves with the latest height after the sizes stop changing (Chromium can report a partial
 * layout before load and the final one after). Null when none came before the deadline.
 */
function settleHeight(contents: WebContents, settleMs: number, timeoutMs: number) {
  let height: number | null = null;
  let poke: (() => void) | null = null;
  contents.on('preferred-size-changed', (_event, size: { width: number; height: number }) => {
    // An empty layout is not a size: keep waiting for a real one (or the deadline).
    if (!Number.isFinite(size.height) || size.height <= 0) return;
    height = size.height;
    poke?.();
  });
  return {
    afterLoad: () =>
      new Promise<number | null>((resolve) => {
        let quiet: ReturnType<typeof setTimeout> | undefined;
        const finish = () => {
          clearTimeout(quiet);
          clearTimeout(deadline);
          poke = null;
          resolve(height);
        };
        const deadline = setTimeout(finish, timeoutMs);
        const restart = () => {
          clearTimeout(quiet);
          // Nothing measured yet: keep waiting for the first size (up to the deadline).
          if (height !== null) quiet = setTimeout(finish, settleMs);
        };
        poke = restart;
        restart();
      }),
  };
}

interface Loaded {
  contents: WebContents;
  /** CSS px height of the laid-out document, when Chromium reported it. */
  height: number | null;
}

/**
 * Loads the report in a hidden, sandboxed window with JavaScript off (the document has none), from
 * a temporary file rather than a data: URL (Chromium caps URL length; a busy day exceeds it).
 */
async function withDocument<T>(
  html: string,
  paper: PrintPaper,
  timing: { measureTimeoutMs: number; settleMs: number },
  use: (doc: Loaded) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'front-desk-print-'));
  const file = join(dir, 'report.html');
  const win = new BrowserWindow({
    show: false,
    useContentSize: true,
    // A6 is 105 mm wide: 397 CSS px at 96 per inch.
    width: paper === 'a4' ? 794 : paper === 'a6' ? 397 : receiptViewportPx(paper),
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
      // Reports the laid-out height, so a receipt's page is as long as its content, not metres of blank roll.
      enablePreferredSizeMode: isReceipt(paper),
    },
  });
  try {
    await writeFile(file, html, 'utf8');
    const sizes = isReceipt(paper) ? settleHeight(win.webContents, timing.settleMs, timing.measureTimeoutMs) : null;
    await win.loadFile(file);
    const height = sizes ? await sizes.afterLoad() : null;
    return await use({ contents: win.webContents, height });
  } finally {
    if (!win.isDestroyed()) win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What webContents.print gets. Since Electron 25 print() assumes A4 unless told otherwise. */
export function printOptions(opts: PrintOptions, heightPx: number | null): WebContentsPrintOptions {
  const common: WebContentsPrintOptions = {
    silent: opts.silent,
    printBackground: true,
    color: false,
    landscape: false,
    copies: 1,
    ...(opts.printer ? { deviceName: opts.printer } : {}),
  };
  // Electron 23+ accepts 'A6' (electron/electron#37159); the card's own CSS sets no page size
  // Chromium's print path honours, so without it the card went out on A4 (issue 20, item 9).
  if (opts.paper === 'a6') return { ...common, margins: { marginType: 'none' }, pageSize: 'A6' };
  if (isReceipt(opts.paper)) {
    return {
      ...common,
      margins: { marginType: 'none' },
      pageSize: { width: receiptWidthMm(opts.paper) * 1000, height: receiptHeightMicrons(heightPx) },
    };
  }
  return { ...common, margins: { marginType: 'default' }, pageSize: 'A4' };
}

/** What webContents.printToPDF gets; its page sizes are in inches. */
export function pdfOptions(paper: PrintPaper, heightPx: number | null): Electron.PrintToPDFOptions {
  if (paper === 'a6') return { printBackground: true, pageSize: 'A6', preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } };
  if (isReceipt(paper)) {
    return {
      printBackground: true,
      // The stylesheet's margin: 0 wins; its page size is the one passed here (see receipt-page.ts).
      preferCSSPageSize: true,
      pageSize: { width: (receiptWidthMm(paper) * 1000) / 25_400, height: receiptHeightMicrons(heightPx) / 25_400 },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    };
  }
  return { printBackground: true, pageSize: 'A4', preferCSSPageSize: true };
}

/** Electron throws at once on a printer name the OS does not know; say which one, in words. */
async function checkPrinter(contents: WebContents, name: string | undefined): Promise<void> {
  if (!name) return;
  const known = await contents.getPrintersAsync();
  if (!known.some((p) => p.name === name)) {
    throw new AppError(
      'NOT_FOUND',
      `The printer "${name}" is not available on this computer. Choose another printer for this desk and try again.`,
      { printer: name },
    );
  }
}

function print(contents: WebContents, options: WebContentsPrintOptions): Promise<boolean> {
  return new Promise((resolve, reject) => {
    contents.print(options, (success, failureReason) => {
      if (success) resolve(true);
      else if (/cancel/i.test(failureReason)) resolve(false);
      else {
        reject(
          new AppError(
            'INTERNAL',
            `The report could not be printed (${failureReason}). Check the printer and try again.`,
            {
              reason: failureReason,
            },
          ),
        );
      }
    });
  });
}

/** Prints and saves the report through a hidden Electron window. */
export function createElectronPrintPort(deps: ElectronPrintDeps = {}): PrintPort {
  const timing = { measureTimeoutMs: deps.measureTimeoutMs ?? 1500, settleMs: deps.settleMs ?? 100 };
  const parent = () => {
    const w = deps.parent?.();
    return w && !w.isDestroyed() ? w : undefined;
  };

  return {
    async printers(): Promise<PrinterInfo[]> {
      const own = parent();
      const list = own
        ? await own.webContents.getPrintersAsync()
        : await withDocument('<!doctype html><title>printers</title>', 'a4', timing, (d) => d.contents.getPrintersAsync());
      return list.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        // Electron 41's PrinterInfo documents no default flag (name, displayName, description and
        // platform-specific options: https://www.electronjs.org/docs/latest/api/structures/printer-info),
        // so no printer is marked. Printing with no printer chosen goes to the OS default.
        isDefault: false,
      }));
    },

    print(html, opts) {
      return withDocument(html, opts.paper, timing, async (d) => {
        await checkPrinter(d.contents, opts.printer);
        return print(d.contents, printOptions(opts, d.height));
      });
    },

    async savePdf(html, opts: SavePdfOptions) {
      const dialogOptions: Electron.SaveDialogOptions = {
        title: 'Save the report as PDF',
        defaultPath: join(app.getPath('documents'), opts.suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const own = parent();
      const choice = own ? await dialog.showSaveDialog(own, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      if (choice.canceled || !choice.filePath) return null;
      const target = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
      const pdf = await withDocument(html, opts.paper, timing, (d) =>
        d.contents.printToPDF(pdfOptions(opts.paper, d.height)),
      );
      try {
        await writeFile(target, pdf);
      } catch (e) {
        throw new AppError('STORAGE', `The PDF could not be saved: ${(e as Error).message}`, { path: target });
      }
      return target;
    },
  };
}
