import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { renderTipCardsHtml, type TipCardMember } from '../../../src/main/print/tips-card';
import { qrSvg, shortLink } from '../../../src/main/print/tips-qr';
import { LOCALE_SETTING } from '../../../src/main/services/catalog';
import { createTodayDomain } from '../../../src/main/services/today';
import { rasterizeSvg } from '../../support/raster';
import { RecordingPrintPort } from '../reports/setup';
import { LOC, setup } from './setup';

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
  status: 4,
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

describe('tip cards in the desk’s language', () => {
  it('a Russian desk prints Russian words on the card, in its title and in the PDF’s name', async () => {
    const s = setup();
    try {
      s.t.ctx.settings.set(LOCALE_SETTING, 'ru');
      const port = new RecordingPrintPort();
      const today = createTodayDomain(s.t.ctx, {
        location: (id) => (id === LOC ? { id, title: 'Салон', timezoneName: 'Europe/Moscow' } : null),
        members: async () => [],
        userId: () => 1,
        photoFile: () => null,
        print: port,
      });
      const { html } = await today.handlers['tips.html']({ locationId: LOC, staffId: 1, format: 'a6' });
      expect(html).toContain('<html lang="ru">');
      expect(html).toContain('<title>Чаевые — Olivia</title>');
      expect(html).toContain('<p class="scan">Отсканируйте, чтобы оставить чаевые</p>');
      expect(html).toContain('<p class="thanks">Спасибо!</p>');
      expect(html).not.toMatch(/Tips|Scan to leave|Thank you/);

      await today.handlers['tips.savePdf']({ locationId: LOC, format: 'sheet' });
      expect(port.saved[0]!.opts.suggestedName).toBe('Карточки для чаевых Салон.pdf');
      expect(port.saved[0]!.html).toContain('Отсканируйте, чтобы оставить чаевые');
    } finally {
      s.t.close();
    }
  });

  it('an unknown language tag prints English rather than failing', async () => {
    const html = await renderTipCardsHtml([member()], { format: 'receipt80', place: 'Salon', locale: 'xx' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Scan to leave a tip');
  });
});
