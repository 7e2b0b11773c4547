import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { renderTipCardsHtml, type TipCardMember } from '../../../src/main/print/tips-card';
import { qrSvg, shortLink } from '../../../src/main/print/tips-qr';
import { rasterizeSvg } from '../../support/raster';

const LINK = 'https://app.alteg.io/tips/external/253859/ba816199-eecf-4bd2-9f1d-db470545bfaf/';

/** Rasterises the SVG (wasm libvips with resvg) and reads the QR code back with jsQR. */
async function decode(svg: string): Promise<string | null> {
  const { data, width, height } = await rasterizeSvg(svg, 600);
  return jsQR(data, width, height)?.data ?? null;
}

const member = (over: Partial<TipCardMember> = {}): TipCardMember => ({
  staffId: 742418,
  settingsId: 1,
  name: 'Olivia <Brown>',
  avatarUrl: null,
  enabled: true,
  ready: true,
  statusTitle: 'everything is set',
  link: LINK,
  photo: null,
  ...over,
});

describe('tip card QR', () => {
  it('the code made on the desk decodes back to the tip link', async () => {
    expect(await decode(await qrSvg(LINK))).toBe(LINK);
    const cyrillic = 'https://app.alteg.io/tips/external/1/ёлка-42/';
    expect(await decode(await qrSvg(cyrillic))).toBe(cyrillic);
  });

  it('the card carries the code, the short link and the escaped name; no outside resources', async () => {
    const html = await renderTipCardsHtml([member()], { format: 'a6', place: 'Salon & Co', locale: 'en' });
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(await decode(svg)).toBe(LINK);
    expect(html).toContain(shortLink(LINK));
    expect(shortLink(LINK)).toBe('app.alteg.io/tips/external/253859/ba816199-eecf-4bd2-9f1d-db470545bfaf');
    expect(html).toContain('Olivia &lt;Brown&gt;');
    expect(html).toContain('Salon &amp; Co');
    expect(html).toContain('size: 105mm 148mm'); // A6
    expect(html).not.toMatch(/src="https?:|<script/);
  });

  it('the sheet holds every member with a link, four to a page', async () => {
    const people = [1, 2, 3, 4, 5].map((i) => member({ staffId: i, name: `M${i}`, link: `${LINK}${i}` }));
    people.push(member({ staffId: 9, name: 'No link', link: null }));
    const html = await renderTipCardsHtml(people, { format: 'sheet', place: 'Salon', locale: 'en' });
    expect(html.match(/class="card"/g)).toHaveLength(5);
    expect(html).not.toContain('No link');
    expect(html).toContain('size: A4');
  });
});
