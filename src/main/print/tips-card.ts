import type { TipFormat, TipInfo } from '../../shared/domain/today';
import { isLanguage, message, type Language } from '../../shared/i18n';
import { escapeHtml as esc } from './escape';
import { qrSvg, shortLink } from './tips-qr';

/** The words on a tip card, in the desk's language (messages "print.tips.*", shared with the screens). */
export interface TipLabels {
  title: string;
  scan: string;
  thanks: string;
  /** Names the saved PDF: one card, or the sheet. */
  card: string;
  cards: string;
}

const labelCache = new Map<Language, TipLabels>();

export function tipLabels(lang: Language): TipLabels {
  let labels = labelCache.get(lang);
  if (!labels) {
    const m = (key: keyof TipLabels) => message(lang, `print.tips.${key}`);
    labels = { title: m('title'), scan: m('scan'), thanks: m('thanks'), card: m('card'), cards: m('cards') };
    labelCache.set(lang, labels);
  }
  return labels;
}

/** The desk's language for a card: an unknown tag prints English rather than failing. */
export function tipLanguage(locale: string | null | undefined): Language {
  return isLanguage(locale) ? locale : 'en';
}

export interface TipCardMember extends TipInfo {
  /** The photo as a data: URL (the printed page loads nothing from outside). */
  photo: string | null;
}

export const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
export const MONO = 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace';

/** Page geometry per format; A6 and the sheet set their size in CSS (PDF honours it). */
const PAGE: Record<TipFormat, string> = {
  // 'size: A6' is not a keyword Chromium knows (it falls back to Letter): the millimetres are.
  a6: '@page { size: 105mm 148mm; margin: 0; } .card { width: 105mm; height: 148mm; }',
  receipt80: '@page { margin: 0; } .card { width: 80mm; padding: 5mm 4mm 8mm; }',
  sheet: `@page { size: A4; margin: 0; }
    .sheet { display: grid; grid-template-columns: 105mm 105mm; grid-auto-rows: 148.5mm; width: 210mm; }
    .sheet .card { width: 105mm; height: 148.5mm; outline: 0.2mm dashed #999; outline-offset: -0.1mm; }
    .sheet .card:nth-child(4n) { break-after: page; }`,
};

const CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { color: #000; background: #fff; font: 11pt/1.3 ${SANS}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.card { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 3mm;
  padding: 8mm; text-align: center; break-inside: avoid; overflow: hidden; }
.place { font-size: 10pt; color: #444; }
.photo { width: 26mm; height: 26mm; border-radius: 50%; object-fit: cover; }
.initials { width: 26mm; height: 26mm; border-radius: 50%; background: #e8e8e8; display: flex;
  align-items: center; justify-content: center; font-size: 20pt; font-weight: 600; }
h1 { margin: 0; font-size: 17pt; line-height: 1.15; overflow-wrap: anywhere; }
.position { font-size: 10pt; color: #444; }
.qr { width: 52mm; height: 52mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.scan { font-weight: 600; }
.link { font: 8pt/1.25 ${MONO}; overflow-wrap: anywhere; max-width: 100%; color: #222; }
`;

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

async function card(m: TipCardMember, place: string, labels: TipLabels): Promise<string> {
  const link = m.link ?? '';
  const photo = m.photo
    ? `<img class="photo" src="${esc(m.photo)}" alt="">`
    : `<div class="initials" aria-hidden="true">${esc(initials(m.name))}</div>`;
  return [
    `<section class="card" data-staff-id="${m.staffId}">`,
    `<p class="place">${esc(place)}</p>`,
    photo,
    `<h1>${esc(m.name)}</h1>`,
    `<div class="qr" role="img" aria-label="${esc(labels.scan)}">${await qrSvg(link)}</div>`,
    `<p class="scan">${esc(labels.scan)}</p>`,
    `<p class="link">${esc(shortLink(link))}</p>`,
    `<p class="thanks">${esc(labels.thanks)}</p>`,
    '</section>',
  ].join('');
}

/**
 * Tip cards as one self-contained HTML document (inline CSS and SVG, photos as data: URLs, no
 * scripts), for the same preview → print / PDF path as the day report. Members without a link
 * are left out: a card without a code would send a client nowhere.
 */
export async function renderTipCardsHtml(
  members: TipCardMember[],
  opts: { format: TipFormat; place: string; locale: string },
): Promise<string> {
  const lang = tipLanguage(opts.locale);
  const labels = tipLabels(lang);
  const printable = members.filter((m) => m.link);
  const cards = await Promise.all(printable.map((m) => card(m, opts.place, labels)));
  const body = opts.format === 'sheet' ? `<main class="sheet">${cards.join('')}</main>` : cards.join('');
  const title = printable.length === 1 ? `${labels.title} — ${printable[0]!.name}` : `${labels.title} — ${opts.place}`;
  return [
    '<!doctype html>',
    `<html lang="${esc(lang)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}${PAGE[opts.format]}</style>`,
    `</head><body class="${opts.format}">`,
    body,
    '</body></html>',
  ].join('\n');
}
