import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBookingPosterHtml, type PosterInput } from '../../../src/main/print/booking-poster';
import { RECEIPT_VIEWPORT_PX, receiptPageHeightMicrons } from '../../../src/main/print/receipt-page';
import type { PosterFormat } from '../../../src/shared/domain/booking';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { rasterizeSvg, readPixels } from '../../support/raster';

const URL_ = 'https://n841002.alteg.io/';
const OUT = resolve(__dirname, '../../../test-results/booking');
const MM_PER_PT = 25.4 / 72;

const input = (over: Partial<PosterInput> = {}): PosterInput => ({
  format: 'a4',
  place: 'Salon <&> Co',
  url: URL_,
  phone: '(212) 555-0141',
  locale: 'en',
  ...over,
});

describe('the booking poster document', () => {
  it('A4: the place, the call to action, a QR code that opens the form, the address under it, the phone', async () => {
    const html = await renderBookingPosterHtml(input());
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    const { data, width, height } = await rasterizeSvg(svg, 600);
    expect(jsQR(data, width, height)?.data).toBe(URL_);
    expect(html).toContain('<p class="link">n841002.alteg.io</p>');
    expect(html).toContain('<p class="place">Salon &lt;&amp;&gt; Co</p>');
    expect(html).toContain('<h1>Book your next visit online</h1>');
    expect(html).toContain('Or call us: <span class="number">(212) 555-0141</span>');
    expect(html).toContain('size: A4');
    expect(html).toContain('<title>Booking poster — Salon &lt;&amp;&gt; Co</title>');
    expect(html).not.toMatch(/src="https?:|<script|<link/);
  });

  it('80 mm: the same words on the roll’s width; no phone line without a phone', async () => {
    const html = await renderBookingPosterHtml(input({ format: 'receipt80', phone: null }));
    expect(html).toContain('width: 80mm');
    expect(html).not.toContain('size: A4');
    expect(html).not.toContain('class="phone"');
    expect(html).toContain('<title>Booking slip — Salon &lt;&amp;&gt; Co</title>');
  });

  it('speaks the desk’s language; an unknown tag prints English', async () => {
    const ru = await renderBookingPosterHtml(input({ locale: 'ru' }));
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('<h1>Запишитесь на следующий визит онлайн</h1>');
    expect(ru).toContain('Или позвоните нам:');
    expect(ru).not.toMatch(/Book your|Or call us/);
    expect(await renderBookingPosterHtml(input({ locale: 'xx' }))).toContain('<html lang="en">');
  });
});

if (!existsSync(CHROMIUM_PATH))
  console.warn(`poster-layout: no Chromium at ${CHROMIUM_PATH}; the PDF checks are skipped.`);

/** The poster as Chromium prints it (the app's print path), for every language and both papers. */
describe.skipIf(!existsSync(CHROMIUM_PATH))('the printed poster and slip', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  async function pdf(name: string, format: PosterFormat, locale: string, place: string) {
    const page = await browser.newPage(
      format === 'receipt80' ? { viewport: { width: RECEIPT_VIEWPORT_PX, height: 600 } } : {},
    );
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(await renderBookingPosterHtml(input({ format, locale, place })));
    // Nothing cut off: overflow is hidden on the poster, so clipped words would vanish without this check.
    const box = await page.evaluate<{ clipped: boolean; wider: number; height: number }>(`(() => {
      const p = document.querySelector('.poster');
      const root = document.documentElement;
      const wider = [...p.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > p.getBoundingClientRect().right + 0.5);
      return { clipped: p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1, wider: wider.length, height: root.scrollHeight };
    })()`);
    expect(box.clipped).toBe(false);
    expect(box.wider).toBe(0);
    const file = join(OUT, `${name}.pdf`);
    writeFileSync(
      file,
      await page.pdf(
        format === 'receipt80'
          ? { width: '80mm', height: `${receiptPageHeightMicrons(box.height) / 1000}mm`, printBackground: true }
          : { printBackground: true, preferCSSPageSize: true },
      ),
    );
    await page.close();
    expect(requests).toEqual([]);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    const prefix = file.replace(/\.pdf$/, '');
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
      widthMm: Number(size[1]) * MM_PER_PT,
      heightMm: Number(size[2]) * MM_PER_PT,
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      png: `${prefix}.png`,
    };
  }

  const LONG = 'Front Desk Beauty — Almaty, Dostyk Avenue';
  const HEADLINE: Record<string, string> = {
    en: 'Book your next visit online',
    ru: 'Запишитесь на следующий визит онлайн',
    uk: 'Запишіться на наступний візит онлайн',
    es: 'Reserve su próxima cita en línea',
    'pt-BR': 'Agende seu próximo horário online',
  };

  for (const [locale, headline] of Object.entries(HEADLINE)) {
    it(`${locale}: one A4 page and one 80 mm slip; the text shows the address, the code decodes to the form`, async () => {
      for (const format of ['a4', 'receipt80'] as const) {
        const out = await pdf(`poster-${format}-${locale}`, format, locale, LONG);
        expect(out.pages).toBe(1);
        if (format === 'a4') {
          expect(out.widthMm).toBeCloseTo(210, 0);
          expect(out.heightMm).toBeCloseTo(297, 0);
        } else {
          expect(out.widthMm).toBeCloseTo(80, 0);
          expect(out.heightMm).toBeLessThan(200);
        }
        const words = out.text.replace(/\s+/g, ' ');
        expect(words).toContain('n841002.alteg.io');
        expect(words).toContain('(212) 555-0141');
        // Words may wrap, and long ones hyphenate: every word of the headline is there.
        for (const w of headline.split(' ')) expect(words.replace(/-\s/g, '')).toContain(w);
        const { data, width, height } = await readPixels(out.png);
        expect(jsQR(data, width, height)?.data).toBe(URL_);
      }
    });
  }
});
