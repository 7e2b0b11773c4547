import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';
import { part, sampleView, todayApi } from './support/today-view';

let app: MountedApp | null = null;
afterEach(async () => {
  app?.unmount();
  app = null;
  const { setLanguage } = await import('../../src/renderer/src/i18n');
  setLanguage('en');
});

/** Intl writes "9:00 AM" and "1 200,00 ₸" with no-break spaces; the words, not the space kind, are checked. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('Today screen', () => {
  it('is the first screen: who works with now/next, the next slot, numbers with deltas in words', async () => {
    app = await mountApp({ api: todayApi(sampleView()), at: '/' });
    await settle();
    const w = app.wrapper;
    expect(app.router.currentRoute.value.name).toBe('today');
    // The first look asks part by part, so each shows as soon as it arrives (issue 25 §18).
    expect(app.api.today.get.mock.calls.map(([a]) => a.parts)).toEqual([
      ['team'],
      ['nextSlot'],
      ['tips'],
      ['numbers', 'charts'],
    ]);
    const member = plain(w.get('[data-test=today-member]').text());
    expect(member).toContain('Olivia Brown');
    // the location's clock, written the desk language's way (English: 12-hour)
    expect(member).toContain('9:00 AM–1:00 PM, 2:00 PM–6:00 PM');
    expect(member).toContain('Break 1:00 PM–2:00 PM');
    expect(member).toContain('With a client until 11:00 AM');
    expect(w.get('[data-test=today-team]').text()).toContain('Liam Smith');
    expect(plain(w.get('[data-test=today-slot]').text())).toContain('Today, 11:15 AM');
    expect(plain(w.get('[data-test=today-clock]').text())).toMatch(/^Mon, Mar 23, 10:30 AM( EDT)? at Downtown$/); // the zone named when the PC is elsewhere
    const todayNumbers = w.get('[data-test=numbers-today]').text();
    expect(todayNumbers).toContain('$1,200.00');
    expect(todayNumbers).toContain('vs Mon, Mar 16');
    expect(todayNumbers).toContain('up 20%');
    expect(todayNumbers).toContain('down 20%');
    expect(todayNumbers).toContain('no change');
    expect(todayNumbers).toContain('nothing to compare');
  });

  it('once a minute it re-reads main’s copies (peek, no Altegio request) so "now / next" moves on', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-03-23T14:30:00Z')); // 10:30 in New York; the next slot is at 11:15
    try {
      app = await mountApp({ api: todayApi(sampleView()), at: '/today' });
      await settle();
      expect(app.api.today.get).toHaveBeenCalledTimes(4); // the first look, part by part
      vi.advanceTimersByTime(60_000);
      await settle();
      expect(app.api.today.get).toHaveBeenLastCalledWith({ locationId: 101, peek: true });
      // Once the next slot has gone by, the tick asks main properly (it fetches a new slot).
      vi.setSystemTime(new Date('2026-03-23T15:16:00Z'));
      vi.advanceTimersByTime(60_000);
      await settle();
      expect(app.api.today.get).toHaveBeenLastCalledWith({ locationId: 101 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('every chart has a summary for screen readers and a table behind a toggle', async () => {
    app = await mountApp({ api: todayApi(sampleView()), at: '/today' });
    await settle();
    const charts = app.wrapper.findAll('[data-test=today-chart]');
    expect(charts).toHaveLength(5);
    const summary = charts[0]!.get('[data-test=chart-summary]').text();
    expect(summary).toBe('Revenue by day: 2 days, total $2,100.00, highest $1,200.00 on Mar 23, today $1,200.00.');
    expect(charts[4]!.get('[data-test=chart-summary]').text()).toContain('No-show 2 (9%)');
    await charts[0]!.get('button').trigger('click');
    expect(charts[0]!.find('table').text()).toContain('Mar 22');
    expect(charts[0]!.find('table').text()).toContain('$900.00');
  });

  it('Almaty (KZT) with a Russian desk: money as Almaty writes it, every other word and number in Russian', async () => {
    const view = sampleView({ locationTitle: 'Алматы', timezoneName: 'Asia/Almaty' });
    view.numbers = part({ ...view.numbers.data!, currency: 'KZT' });
    view.nextSlot = part({ at: '2026-03-24T11:15:00+05:00', date: '2026-03-24', clock: '11:15', passed: false });
    app = await mountApp({ api: todayApi(view, 'ru'), at: '/today' });
    await settle();
    const w = app.wrapper;
    const numbers = plain(w.get('[data-test=numbers-today]').text());
    // the location's conventions: space-grouped, decimal comma, the tenge sign after the amount
    expect(numbers).toContain('1 200 ₸');
    expect(numbers).toContain('80 ₸');
    expect(numbers).toContain('Средний чек');
    expect(numbers).toContain('62,5 %');
    expect(numbers).toContain('рост на 20 %');
    expect(numbers).toContain('в сравнении с пн, 16 мар.');
    expect(numbers).not.toMatch(/[A-Za-z]/);
    expect(plain(w.get('[data-test=today-slot]').text())).toContain('вт, 24 мар., 11:15');
    const summary = plain(w.findAll('[data-test=chart-summary]')[0]!.text());
    expect(summary).toBe('Выручка по дням: 2 дн., всего 2 100 ₸, максимум 1 200 ₸ — 23 мар., сегодня 1 200 ₸.');
  });

  it('without analytics rights: one calm sentence where the numbers would be, no charts; team and tips stay', async () => {
    const view = sampleView({
      numbers: part<never>(null, { forbidden: true, fetchedAt: null, error: { code: 'FORBIDDEN', message: 'No' } }),
      charts: part<never>(null, { forbidden: true, fetchedAt: null }),
    });
    app = await mountApp({ api: todayApi(view), at: '/today' });
    await settle();
    const w = app.wrapper;
    expect(w.get('[data-test=numbers-forbidden]').text()).toContain('does not show the salon’s numbers');
    expect(w.find('[data-test=today-charts]').exists()).toBe(false);
    expect(w.find('.alert-error').exists()).toBe(false);
    expect(w.findAll('[data-test=tip-row]')).toHaveLength(1);
  });

  it('offline copy: says so with the copy’s age', async () => {
    const view = sampleView();
    view.team = {
      ...view.team,
      fromCache: true,
      stale: true,
      fetchedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    };
    app = await mountApp({ api: todayApi(view), at: '/today' });
    await settle();
    expect(app.wrapper.get('[data-test=today-team]').text()).toMatch(/Offline copy from .*\(3 hours ago\)/);
  });

  it('a tap on a person opens the catalogue filtered by them', async () => {
    app = await mountApp({ api: todayApi(sampleView()), at: '/today' });
    await settle();
    await app.wrapper.get('[data-test=today-member]').trigger('click');
    await settle();
    expect(app.router.currentRoute.value.name).toBe('catalogue');
    expect(app.api.catalog.search).toHaveBeenCalledWith(expect.objectContaining({ staffId: 1 }));
  });

  it('switching tips off asks first, then calls Altegio', async () => {
    const api = todayApi(sampleView());
    api.tips.setEnabled.mockResolvedValue(fail('FORBIDDEN', 'Not enough rights'));
    app = await mountApp({ api, at: '/today' });
    await settle();
    const off = app.wrapper.findAll('button').find((b) => b.text() === 'Switch off')!;
    await off.trigger('click');
    expect(api.tips.setEnabled).not.toHaveBeenCalled();
    await (document.querySelector('[data-test=tips-confirm]') as HTMLButtonElement).click();
    await settle();
    expect(api.tips.setEnabled).toHaveBeenCalledWith({ locationId: 101, settingsId: 11, enabled: false });
    expect(app.wrapper.text()).toContain('Only a manager can switch tips on or off.');
  });
});
