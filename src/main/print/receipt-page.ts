/**
 * Page geometry of an 80 mm receipt. CSS cannot say "80 mm wide, as long as the content":
 * `size: 80mm auto` is not valid CSS (Chromium drops the whole declaration and falls back to
 * Letter), and `size: 80mm` means 80 × 80 mm squares. So the stylesheet sets only margins, and the
 * print/PDF call passes the size, with the height measured from the laid-out document.
 */

export const RECEIPT_WIDTH_MM = 80;
export const RECEIPT_WIDTH_MICRONS = RECEIPT_WIDTH_MM * 1000;
/** 80 mm at 96 CSS px per inch, the viewport the receipt is laid out (and measured) in. */
export const RECEIPT_VIEWPORT_PX = Math.round((RECEIPT_WIDTH_MM / 25.4) * 96);
/**
 * The longest single page: PDF caps a page side at 200 in (5.08 m) and receipt drivers cap page
 * length too. A longer day continues on the next page of the same roll.
 */
export const RECEIPT_MAX_PAGE_MICRONS = 1_000_000;
/** Chromium refuses page sides below 353 microns; a report is never that short anyway. */
const MIN_PAGE_MICRONS = 50_000;
/** Room below the last line so it clears the printer's tear bar. */
const TAIL_PX = 40;
const MICRONS_PER_CSS_PX = 25_400 / 96;

/** A 58 mm roll: the cheapest receipt printers and most card terminals use it. */
export const RECEIPT58_WIDTH_MM = 58;

/** The roll's width for a receipt paper. */
export function receiptWidthMm(paper: 'receipt80' | 'receipt58'): number {
  return paper === 'receipt58' ? RECEIPT58_WIDTH_MM : RECEIPT_WIDTH_MM;
}

/** The viewport (CSS px at 96 per inch) a receipt of that paper is laid out and measured in. */
export function receiptViewportPx(paper: 'receipt80' | 'receipt58'): number {
  return Math.round((receiptWidthMm(paper) / 25.4) * 96);
}

/**
 * Page height for a receipt whose content is `contentPx` CSS pixels tall at RECEIPT_VIEWPORT_PX;
 * the maximum page when the height is unknown (null).
 */
export function receiptPageHeightMicrons(contentPx: number | null): number {
  if (contentPx === null || !Number.isFinite(contentPx) || contentPx <= 0) return RECEIPT_MAX_PAGE_MICRONS;
  const microns = Math.ceil((contentPx + TAIL_PX) * MICRONS_PER_CSS_PX);
  return Math.min(RECEIPT_MAX_PAGE_MICRONS, Math.max(MIN_PAGE_MICRONS, microns));
}
