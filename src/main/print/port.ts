import type { PrinterInfo } from '../../shared/domain/reports';
import type { Paper } from '../../shared/domain/session';

export type { Paper, PrinterInfo };

/** What the port prints on: the desk's papers, and A6 for a single tip card. */
export type PrintPaper = Paper | 'a6';

export interface PrintOptions {
  paper: PrintPaper;
  /** The OS printer name (PrinterInfo.name); the system default when absent. */
  printer?: string | undefined;
  /** Print without the system dialog (needs a printer that is set up). */
  silent: boolean;
}

export interface SavePdfOptions {
  paper: PrintPaper;
  /** File name offered in the save dialog, e.g. "Day report 2026-03-23.pdf". */
  suggestedName: string;
}

/**
 * Where a finished HTML document goes. Electron's hidden window in the app (shell/print.ts), a
 * folder of HTML files for the browser bridge (headless-port.ts). A raw ESC/POS path for receipt
 * drivers that ignore page sizes would be a third implementation.
 */
export interface PrintPort {
  printers(): Promise<PrinterInfo[]>;
  /** Resolves false when the user cancelled the print dialog. */
  print(html: string, opts: PrintOptions): Promise<boolean>;
  /** Resolves the saved file's path, or null when the user cancelled the save dialog. */
  savePdf(html: string, opts: SavePdfOptions): Promise<string | null>;
}
