import { Window, type Document, type Element, type Node } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { CASHUP_LABELS_EN } from '../../../src/main/print/cashup-labels';
import { renderCashupHtml } from '../../../src/main/print/cashup-html';
import { LOCALE_SETTING } from '../../../src/main/services/catalog';
import { zOf } from '../../../src/main/services/cashup';
import type { CashupVersion } from '../../../src/shared/domain/cashup';
import { cashupFigures, emptyInput } from '../../../src/shared/domain/cashup-math';
import type { Paper } from '../../../src/shared/domain/session';
import { DAY, LOC, almatyCount, almatyReport, setupCashup, type CashupSetup } from '../cashup/helpers';

const PRINTED_AT = new Date('2026-03-23T16:05:00Z'); // 21:05 in Almaty
const NBSP = /[\u00a0\u202f]/g;

function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document;
}

/** The element's text as a reader sees it, no-break spaces as plain ones. */
function text(el: Element | null | undefined): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else n.childNodes.forEach(walk);
  };
  if (el) walk(el);
  return parts.join(' ').replace(NBSP, ' ').replace(/\s+/g, ' ').trim();
}

/** The Almaty day counted 500 ₸ short, a correction, everything a receptionist typed in Russian. */
function russianDay(): CashupVersion {
  const z = zOf(
    almatyReport({
      discounts: [{ title: 'Скидки', amount: 12_345.678 }],
      totals: { accounts: 9_996_543, discount: 12_345.678 },
    }),
  );
  const base = almatyCount(emptyInput(z, { countCurrency: 'KZT', openingFloat: 0 }));
  return {
    locationId: LOC,
    date: DAY,
    version: 2,
    status: 'locked',
    input: {
      ...base,
      movements: [
        { kind: 'in', amount: 20_000_000, reason: 'Размен из банка' },
        { kind: 'out', amount: 15_000_000, reason: 'Чаевые, Айгерим' },
      ],
      note: 'Недостача 500 ₸: сдачу выдали дважды.',
    },
    z: { ...z, fromCache: true },
    countedBy: 'Айгерим',
    reason: 'Перечитали чек терминала',
    createdAt: '2026-03-23T15:40:00.000Z',
    updatedAt: '2026-03-23T16:00:00.000Z',
    lockedAt: '2026-03-23T16:05:00.000Z',
    lockedHow: 'print',
  };
}

function render(paper: Paper, locale: string): Document {
  const v = russianDay();
  return parse(
    renderCashupHtml(v, cashupFigures(v.z, v.input, 0), {
      paper,
      locale,
      printedAt: PRINTED_AT,
      deskZone: 'Asia/Almaty',
    }),
  );
}

/** Every English label, as words (names stay names: Altegio, PDF): none may be left on a page printed in another language. */
const NAMES = new Set(['Altegio', 'PDF']);
const english = Object.values<string>({ ...CASHUP_LABELS_EN }).flatMap((l) =>
  l.split(/[^A-Za-z]+/).filter((w) => w.length > 2 && !NAMES.has(w)),
);

describe('the printed cash-up in the desk language', () => {
  it.each(['a4', 'receipt80', 'receipt58'] as const)('prints Russian labels, dates and no English on %s', (paper) => {
    const doc = render(paper, 'ru');
    const body = text(doc.body);
    expect(doc.documentElement.getAttribute('lang')).toBe('ru');
    for (const word of [
      'Сверка кассы',
      'Ожидаемые и фактические суммы по кассам',
      'Денежный ящик',
      'Размен на начало дня',
      'Выручка наличными (Z-отчёт)',
      'Ожидается в ящике',
      'Пересчитано в ящике',
      'Внесения и изъятия',
      'Данные Z-отчёта',
      'Итого выручка',
      'Подпись управляющего',
      'Пересчитал(а) (подпись)',
      'Исправление версии 1. Причина: Перечитали чек терминала',
      'Нет связи: Altegio недоступен; сверено с копией, полученной',
      '−500 ₸ недостача',
      '0 ₸ сходится',
    ]) {
      expect(body).toContain(word);
    }
    // The day and the clock in Russian, on Almaty's clock; tenge in Kazakhstan's conventions.
    expect(body).toContain('понедельник, 23 марта 2026');
    expect(body).toContain('23 мар. 2026 г., 21:05');
    expect(body).toContain('3 456 789 ₸');
    for (const word of english) expect(body, word).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
  });

  it('prints English for a language it does not have, rather than failing', () => {
    const doc = render('a4', 'xx-nope');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(text(doc.querySelector('h2'))).toBe('Cash-up');
  });
});

describe('no signed zero on paper (issue 25 item 8)', () => {
  it.each(['a4', 'receipt58'] as const)('a paid-out line of 0 ₸ prints as "0 ₸", never "−0 ₸" (%s)', (paper) => {
    const v = russianDay();
    v.input.movements = [
      { kind: 'out', amount: 0, reason: 'Чаевые' },
      { kind: 'in', amount: 0, reason: 'Размен' },
    ];
    const body = text(
      parse(renderCashupHtml(v, cashupFigures(v.z, v.input, 0), { paper, locale: 'ru', printedAt: PRINTED_AT })).body,
    );
    expect(body).toContain('Чаевые');
    expect(body).not.toMatch(/[−-]\s?0 ₸/);
    expect(body).not.toMatch(/\+\s?0 ₸/);
  });
});

describe('a difference below the usual digits on paper (issue 25 item 8)', () => {
  it('prints "−0,001 ₸ недостача", not "−0 ₸ недостача"', () => {
    const v = russianDay();
    v.z = { ...v.z, accounts: v.z.accounts.map((a, i) => (i === 0 ? { ...a, amount: a.amount - 499_999 } : a)) };
    const body = text(
      parse(renderCashupHtml(v, cashupFigures(v.z, v.input, 0), { paper: 'a4', locale: 'ru', printedAt: PRINTED_AT })).body,
    );
    expect(body).toContain('−0,001 ₸ недостача');
    expect(body).not.toMatch(/[−-]0 ₸/);
  });
});

describe('UAH rounding on paper (issue 19 item 15)', () => {
  it.each(['a4', 'receipt80'] as const)('prints the legal rounding of the cash takings (%s)', (paper) => {
    const base = russianDay();
    const z = { ...base.z, currency: '₴', timezoneName: 'Europe/Kyiv', accounts: [{ title: 'Готівка', amount: 1_000_740 }] };
    const v = { ...base, z, input: { ...base.input, countCurrency: 'UAH', cashAccount: 'Готівка', pieces: {}, typed: {} } };
    const body = text(
      parse(renderCashupHtml(v, cashupFigures(v.z, v.input, 0), { paper, locale: 'uk', printedAt: PRINTED_AT })).body,
    );
    expect(body).toContain('Заокруглення готівки (за законом) −0,24 ₴');
    expect(body).toContain('1 000,50 ₴');
  });
});

describe('cash-up printing takes the desk language', () => {
  let s: CashupSetup | null = null;
  afterEach(() => {
    s?.t.close();
    s = null;
  });

  it('from the uiLocale desk setting when the renderer names none, as the day report does', async () => {
    s = setupCashup();
    const key = { locationId: LOC, date: DAY };
    await s.h['cashup.open'](key);
    s.t.ctx.settings.set(LOCALE_SETTING, 'uk');
    const doc = parse((await s.h['cashup.html']({ ...key, paper: 'receipt80' })).html);
    expect(doc.documentElement.getAttribute('lang')).toBe('uk');
    expect(text(doc.querySelector('h2'))).toBe('Звірка каси');
    // An explicit language wins (the preview of another desk language).
    const es = parse((await s.h['cashup.html']({ ...key, paper: 'receipt80', locale: 'es' })).html);
    expect(text(es.querySelector('h2'))).toBe('Arqueo de caja');
  });
});
