import type { PosterFormat } from '../../shared/domain/booking';
import { message, type Language } from '../../shared/i18n';
import { escapeHtml as esc } from './escape';
import { MONO, SANS, tipLanguage } from './tips-card';
import { qrSvg, shortLink } from './tips-qr';

/** The words on the booking poster and slip, in the desk's language (messages "print.booking.*"). */
export interface PosterLabels {
  headline: string;
  scan: string;
  call: string;
  /** Name the saved PDF. */
  poster: string;
  slip: string;
}

export function posterLabels(lang: Language): PosterLabels {
  const m = (key: keyof PosterLabels) => message(lang, `print.booking.${key}`);
  return { headline: m('headline'), scan: m('scan'), call: m('call'), poster: m('poster'), slip: m('slip') };
}

export interface PosterInput {
  format: PosterFormat;
  /** The location's name, as clients know it. */
  place: string;
  /** The booking form's address: what the QR code opens and the line under it says. */
  url: string;
  /** Already formatted for the location's country; left off the paper when null. */
  phone: string | null;
  locale: string;
}

/**
 * A4: a sheet for the wall or the window, read from a few steps away, so the code is 11 cm wide.
 * 80 mm: a slip from the receipt roll, as the tip cards print it; the roll sets the length.
 */
const PAGE: Record<PosterFormat, string> = {
  a4: `@page { size: A4; margin: 0; }
    .poster { width: 210mm; height: 297mm; padding: 22mm 20mm; gap: 7mm; }
    .place { font-size: 22pt; }
    h1 { font-size: 34pt; }
    .qr { width: 110mm; height: 110mm; }
    .scan { font-size: 16pt; max-width: 150mm; }
    .link { font-size: 15pt; }
    .phone { font-size: 16pt; }`,
  receipt80: `@page { margin: 0; }
    .poster { width: 80mm; padding: 5mm 4mm 8mm; gap: 3mm; }
    .place { font-size: 11pt; }
    h1 { font-size: 16pt; }
    .qr { width: 52mm; height: 52mm; }
    .scan { font-size: 10pt; }
    .link { font-size: 8pt; }
    .phone { font-size: 10pt; }`,
};

const CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { color: #000; background: #fff; font: 11pt/1.3 ${SANS}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
p { margin: 0; }
.poster { display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center;
  break-inside: avoid; overflow: hidden; }
.place { color: #333; overflow-wrap: anywhere; }
h1 { margin: 0; line-height: 1.15; overflow-wrap: anywhere; hyphens: auto; }
.qr svg { width: 100%; height: 100%; display: block; }
.scan { line-height: 1.35; }
.link { font-family: ${MONO}; line-height: 1.25; overflow-wrap: anywhere; max-width: 100%; color: #222; }
.phone { font-weight: 600; }
.number { white-space: nowrap; }
`;

/**
 * The booking poster as one self-contained HTML document (inline CSS and SVG, no scripts, nothing loaded
 * from outside), for the same preview → print / PDF path as the tip cards and the day report.
 */
export async function renderBookingPosterHtml(p: PosterInput): Promise<string> {
  const lang = tipLanguage(p.locale);
  const labels = posterLabels(lang);
  const name = p.format === 'a4' ? labels.poster : labels.slip;
  const body = [
    `<main class="poster">`,
    `<p class="place">${esc(p.place)}</p>`,
    `<h1>${esc(labels.headline)}</h1>`,
    `<div class="qr" role="img" aria-label="${esc(labels.scan)}">${await qrSvg(p.url)}</div>`,
    `<p class="link">${esc(shortLink(p.url))}</p>`,
    `<p class="scan">${esc(labels.scan)}</p>`,
    p.phone ? `<p class="phone">${esc(labels.call)} <span class="number">${esc(p.phone)}</span></p>` : '',
    '</main>',
  ].join('');
  return [
    '<!doctype html>',
    `<html lang="${esc(lang)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(`${name} — ${p.place}`)}</title>`,
    `<style>${CSS}${PAGE[p.format]}</style>`,
    `</head><body class="${p.format}">`,
    body,
    '</body></html>',
  ].join('\n');
}
