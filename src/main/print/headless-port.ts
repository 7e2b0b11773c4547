import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeFileName } from './file-name';
import type { PrintPort } from './port';

/**
 * The PrintPort for the browser bridge and tests, where there is no Electron window: every
 * "printed" or "saved" document is written as HTML into `folder` (the e2e tests turn those into
 * real PDFs with Chromium). It never prints and knows no printers.
 */
export function createHeadlessPrintPort(deps: { folder: string; now?: () => Date }): PrintPort {
  const now = deps.now ?? (() => new Date());
  let sequence = 0;

  function write(base: string, html: string): string {
    mkdirSync(deps.folder, { recursive: true });
    // The sequence keeps two documents written within one millisecond apart.
    const stamp = `${now().toISOString().replace(/[:.]/g, '-')}-${String(++sequence).padStart(3, '0')}`;
    const file = join(deps.folder, `${stamp}${base ? ' ' + base : ''}.html`);
    writeFileSync(file, html, 'utf8');
    return file;
  }

  return {
    printers: async () => [],
    print: async (html) => {
      write('', html);
      return true;
    },
    savePdf: async (html, opts) => write(safeFileName(opts.suggestedName.replace(/\.pdf$/i, '')), html),
  };
}
