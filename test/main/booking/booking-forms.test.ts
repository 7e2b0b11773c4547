import { afterEach, describe, expect, it } from 'vitest';
import type { Bookform } from '../../../src/main/altegio/bookforms-client';
import { LOCALE_SETTING } from '../../../src/main/services/catalog';
import { createBookingDomain, FORMS_FRESH_MS, type BookingDomain } from '../../../src/main/services/booking';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { RecordingPrintPort } from '../reports/setup';

const LOC = 37532;
const FORMS: Bookform[] = [
  { id: 1, title: 'Colour consultations', isDefault: false, url: 'https://n1.alteg.io/' },
  { id: 2, title: 'Online booking', isDefault: true, url: 'https://n2.alteg.io/' },
];

function fake(bookforms: Bookform[] = FORMS): FakeAltegio {
  return new FakeAltegio({
    locations: [
      {
        company: {
          id: LOC,
          title: 'Salon & Co',
          address: null,
          city: 'New York',
          phones: ['+12125550141'],
          email: null,
          site: null,
          timezoneName: 'America/New_York',
          currencyShortTitle: '$',
          schedule: null,
          logo: null,
        },
        categories: [],
        services: [],
        staff: [],
        bookforms,
      },
    ],
  });
}

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function setup(altegio: FakeAltegio, dir?: string) {
  const t = makeTestContext({ altegio, ...(dir ? { dir } : {}) });
  open.push(t);
  const port = new RecordingPrintPort();
  const d: BookingDomain = createBookingDomain(t.ctx, {
    location: (id) => (id === LOC ? { title: 'Salon & Co', phones: ['+12125550141'] } : null),
    print: port,
  });
  return { t, d, port };
}

describe('the booking forms copy and its age', () => {
  it('asks once, answers from the copy for an hour, then asks again; Refresh always asks', async () => {
    const a = fake();
    const { t, d } = setup(a);
    const first = await d.handlers['booking.forms']({ locationId: LOC });
    expect(first).toMatchObject({ forms: FORMS, preferredId: 2, stale: false, error: null });
    expect(first.fetchedAt).toBe(t.clock.now().toISOString());
    expect(a.count('bookforms')).toBe(1);

    t.clock.advance(FORMS_FRESH_MS - 60_000);
    expect((await d.handlers['booking.forms']({ locationId: LOC })).fetchedAt).toBe(first.fetchedAt);
    expect(a.count('bookforms')).toBe(1);

    await d.handlers['booking.forms']({ locationId: LOC, refresh: true });
    expect(a.count('bookforms')).toBe(2);
    t.clock.advance(FORMS_FRESH_MS + 1);
    const later = await d.handlers['booking.forms']({ locationId: LOC });
    expect(a.count('bookforms')).toBe(3);
    expect(later.fetchedAt).toBe(t.clock.now().toISOString());
  });

  it('offline: the copy with its age and the reason; without a copy, OFFLINE', async () => {
    const a = fake();
    const { t, d } = setup(a);
    t.connectivity.online = false;
    await expect(d.handlers['booking.forms']({ locationId: LOC })).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(a.count('bookforms')).toBe(0);

    t.connectivity.online = true;
    const { fetchedAt } = await d.handlers['booking.forms']({ locationId: LOC });
    t.connectivity.online = false;
    t.clock.advance(3 * 86_400_000);
    const offline = await d.handlers['booking.forms']({ locationId: LOC, refresh: true });
    expect(offline).toMatchObject({ forms: FORMS, fetchedAt, stale: true, error: { code: 'OFFLINE' } });
    expect(a.count('bookforms')).toBe(1);
  });

  it('a failed refresh keeps the copy and says why; a failure without a copy is the error itself', async () => {
    const a = fake();
    const { t, d } = setup(a);
    const stop = a.failOn('bookforms', new AppError('UPSTREAM', 'Altegio answered with an error.'));
    await expect(d.handlers['booking.forms']({ locationId: LOC })).rejects.toMatchObject({ code: 'UPSTREAM' });
    stop();
    const good = await d.handlers['booking.forms']({ locationId: LOC });
    a.failOn('bookforms', new AppError('UPSTREAM', 'Altegio answered with an error.'));
    t.clock.advance(60_000);
    expect(await d.handlers['booking.forms']({ locationId: LOC, refresh: true })).toMatchObject({
      forms: FORMS,
      fetchedAt: good.fetchedAt,
      stale: true,
      error: { code: 'UPSTREAM' },
    });
  });

  it('parallel looks at the card cost one request, and all get the same answer', async () => {
    const a = fake();
    const { d } = setup(a);
    const views = await Promise.all(
      Array.from({ length: 6 }, (_, i) => d.handlers['booking.forms']({ locationId: LOC, refresh: i % 2 === 0 })),
    );
    expect(a.count('bookforms')).toBe(1);
    expect(new Set(views.map((v) => JSON.stringify(v))).size).toBe(1);
  });

  it('an older answer arriving late does not replace a newer copy', async () => {
    const a = fake();
    const { t, d } = setup(a);
    // The first request hangs until the second has been answered and stored.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const original = a.bookforms.bind(a);
    let calls = 0;
    a.bookforms = async (id) => {
      const n = ++calls;
      const answer = await original(id);
      if (n === 1) await gate;
      return n === 1 ? answer.slice(0, 1) : answer;
    };
    const slow = d.handlers['booking.forms']({ locationId: LOC });
    // A second domain (a restart while the first still waits) asks later and is answered first.
    const again = createBookingDomain(t.ctx, { location: () => null, print: new RecordingPrintPort() });
    t.clock.advance(1_000);
    const fast = await again.handlers['booking.forms']({ locationId: LOC });
    release();
    await slow;
    expect(fast.forms).toEqual(FORMS);
    expect(await d.handlers['booking.forms']({ locationId: LOC })).toMatchObject({
      forms: FORMS,
      fetchedAt: fast.fetchedAt,
    });
  });

  it('the copy outlives a restart: the poster prints offline from it, days later', async () => {
    const a = fake();
    const first = setup(a);
    await first.d.handlers['booking.forms']({ locationId: LOC });
    first.t.close({ keep: true });
    open.splice(open.indexOf(first.t), 1);

    const { t, d, port } = setup(a, first.t.dir);
    t.connectivity.online = false;
    t.clock.advance(10 * 86_400_000);
    await d.handlers['booking.printPoster']({ locationId: LOC, format: 'a4' });
    expect(a.count('bookforms')).toBe(1);
    expect(port.printed[0]!.opts.paper).toBe('a4');
    expect(port.printed[0]!.html).toContain('n2.alteg.io');
  });
});

describe('which form the poster carries', () => {
  it('the default form unless another is chosen; a form no longer listed is refused with a reason', async () => {
    const { d } = setup(fake());
    expect((await d.handlers['booking.posterHtml']({ locationId: LOC, format: 'a4' })).html).toContain(
      '<p class="link">n2.alteg.io</p>',
    );
    expect((await d.handlers['booking.posterHtml']({ locationId: LOC, format: 'a4', formId: 1 })).html).toContain(
      '<p class="link">n1.alteg.io</p>',
    );
    await expect(d.handlers['booking.posterHtml']({ locationId: LOC, format: 'a4', formId: 9 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'formGone' },
    });
  });

  it('no default: the first form; no form at all: NOT_FOUND saying so, nothing printed', async () => {
    const { d: first } = setup(fake(FORMS.map((f) => ({ ...f, isDefault: false }))));
    expect((await first.handlers['booking.forms']({ locationId: LOC })).preferredId).toBe(1);
    const { d, port } = setup(fake([]));
    expect(await d.handlers['booking.forms']({ locationId: LOC })).toMatchObject({ forms: [], preferredId: null });
    await expect(d.handlers['booking.printPoster']({ locationId: LOC, format: 'receipt80' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'noForm' },
    });
    expect(port.printed).toEqual([]);
  });

  it('the slip goes to the receipt roll; the PDF is named in the desk’s language', async () => {
    const { t, d, port } = setup(fake());
    t.ctx.settings.set(LOCALE_SETTING, 'uk');
    await d.handlers['booking.printPoster']({ locationId: LOC, format: 'receipt80' });
    expect(port.printed[0]!.opts.paper).toBe('receipt80');
    await d.handlers['booking.savePosterPdf']({ locationId: LOC, format: 'a4' });
    expect(port.saved[0]!.opts).toMatchObject({ paper: 'a4', suggestedName: 'Плакат онлайн-запису Salon & Co.pdf' });
    expect(port.saved[0]!.html).toContain('<html lang="uk">');
  });
});
