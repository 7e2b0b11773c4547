import QRCode from 'qrcode';

/**
 * A tip link as an inline SVG QR code, made on the desk (no web service sees the link).
 * Error correction M survives a crease or a coffee ring on a printed card; the quiet zone of
 * 2 modules is what phone cameras need on a white card.
 */
export async function qrSvg(link: string): Promise<string> {
  const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // Drop the XML prolog and fixed size: the card's CSS sizes it in millimetres.
  return svg.replace(/<\?xml[^>]*\?>/, '').replace(/\s(width|height)="[^"]*"/g, '');
}

/** "app.alteg.io/tips/external/253859/ba81…/": the link as written under the code, without the scheme. */
export function shortLink(link: string): string {
  return link.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}
