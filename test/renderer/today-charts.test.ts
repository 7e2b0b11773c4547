import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TodayView } from '../../src/shared/domain/today';
import { ok } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';
import { part, sampleView, todayApi } from './support/today-view';

let app: MountedApp | null = null;
afterEach(async () => {
  app?.unmount();
  app = null;
  const { setLanguage } = await import('../../src/renderer/src/i18n');
  setLanguage('en');
});

describe('Today charts', () => {
  it('a chart Altegio did not send says so in a sentence; the other four stay (issue 19 §2.3)', async () => {
    const view: TodayView = sampleView();
    view.charts = part({ ...view.charts.data!, missing: ['revenue'] });
    app = await mountApp({ api: todayApi(view), at: '/today' });
    await settle();
    const charts = app.wrapper.findAll('[data-test=today-chart]');
    expect(charts).toHaveLength(5);
    expect(charts[0]!.get('[data-test=chart-missing]').text()).toBe(
      'Altegio did not send this chart just now. It is asked again on the next refresh.',
    );
    expect(charts[0]!.find('canvas').exists()).toBe(false);
    expect(charts[1]!.find('[data-test=chart-missing]').exists()).toBe(false);
    expect(app.wrapper.text()).not.toMatch(/GET |\/company\/|\{id\}/);
  });

  it('the share charts list their legend as wrapping text, in the desk language (issue 25 §12)', async () => {
    const view: TodayView = sampleView();
    view.charts = part({
      ...view.charts.data!,
      sources: [
        { kind: 'app', label: 'Mobile application', value: 3 },
        { kind: 'admin', label: 'Administrator', value: 5 },
      ],
    });
    app = await mountApp({ api: todayApi(view, 'ru'), at: '/today' });
    await settle();
    const legend = app.wrapper.findAll('[data-test=today-chart]')[3]!.get('[data-test=chart-legend]');
    expect(legend.findAll('li').map((li) => li.text())).toEqual(['Мобильное приложение', 'Администратор']);
  });
});

describe('Today next free slot', () => {
  it('shows the instant on the location’s clock, says what the slot means and who is free now (issue 19 §2.5, 25 §6)', async () => {
    const view: TodayView = sampleView();
    // 10:10 at UTC−5 is 11:10 in New York on 23 March (EDT, UTC−4)
    view.nextSlot = part({ at: '2026-03-23T10:10:00-05:00', date: '2026-03-23', clock: '11:10', passed: false });
    view.team.data!.working[0]!.now = { kind: 'free', until: '12:00' };
    app = await mountApp({ api: todayApi(view), at: '/today' });
    await settle();
    const slot = app.wrapper.get('[data-test=today-slot]');
    expect(
      slot
        .get('[data-test=slot-time]')
        .text()
        .replace(/[\u00a0\u202f]/g, ' '),
    ).toMatch(/^Today, 11:10 AM( EDT)?$/);
    expect(slot.text()).toContain('The first time a client can book online in Altegio.');
    expect(slot.get('[data-test=free-now]').text()).toBe('Free right now: Olivia Brown');
  });

  it('a slot that has gone by is not shown; the card says why it is empty', async () => {
    const view: TodayView = sampleView();
    view.nextSlot = part({ at: '2026-03-23T10:10:00-04:00', date: '2026-03-23', clock: '10:10', passed: true });
    app = await mountApp({ api: todayApi(view), at: '/today' });
    await settle();
    expect(app.wrapper.find('[data-test=slot-time]').exists()).toBe(false);
    expect(app.wrapper.get('[data-test=slot-passed]').text()).toContain('already passed');
  });
});

describe('Today after midnight (issue 19 §3.12)', () => {
  it('the minute tick that finds a new day drops yesterday’s parts and asks for the new day', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const yesterday: TodayView = sampleView();
      yesterday.nextSlot = part({ at: null, date: null, clock: null, passed: false });
      const empty = <T>() => part<T>(null, { fetchedAt: null });
      const newDay: TodayView = {
        ...sampleView({ date: '2026-03-24', clock: '00:01' }),
        team: empty(),
        numbers: empty(),
        charts: empty(),
        nextSlot: empty(),
        tips: empty(),
      };
      const api = todayApi(yesterday);
      app = await mountApp({ api, at: '/today' });
      await settle();
      expect(app.wrapper.get('[data-test=today-team]').text()).toContain('Olivia Brown');
      api.today.get.mockResolvedValue(ok(newDay));
      vi.advanceTimersByTime(60_000);
      await settle();
      expect(app.wrapper.get('[data-test=today-team]').text()).not.toContain('Olivia Brown');
      expect(app.wrapper.get('[data-test=today-numbers]').text()).not.toContain('$1,200.00');
      expect(api.today.get).toHaveBeenLastCalledWith({ locationId: 101 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Today subtitle (issue 25 §16)', () => {
  it('names the location’s zone like the "Updated" stamps do when the desk PC is elsewhere', async () => {
    vi.stubEnv('TZ', 'Europe/Paris'); // the desk PC; the location is New York
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-23T14:30:00Z'));
    try {
      app = await mountApp({ api: todayApi(sampleView()), at: '/today' });
      await settle();
      const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
      const subtitle = plain(app.wrapper.get('[data-test=today-clock]').text());
      const stamp = plain(app.wrapper.get('[data-test=today-team] .stamp').text());
      const zone = / (EDT|GMT-4)\b/;
      expect(stamp).toMatch(zone);
      expect(subtitle).toMatch(/10:30 AM (EDT|GMT-4) at Downtown/);
    } finally {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    }
  });
});

describe('Today first look, part by part (issue 25 §18)', () => {
  it('the team shows while the figures are still on their way', async () => {
    const view: TodayView = sampleView();
    const empty = <T>() => part<T>(null, { fetchedAt: null });
    let releaseNumbers: () => void = () => undefined;
    const api = todayApi(view);
    api.today.get.mockImplementation(async (a) => {
      if (a.parts?.includes('numbers')) await new Promise<void>((r) => (releaseNumbers = r));
      return ok({ ...view, numbers: a.parts?.includes('numbers') ? view.numbers : empty() });
    });
    app = await mountApp({ api, at: '/today' });
    await settle();
    expect(app.wrapper.get('[data-test=today-team]').text()).toContain('Olivia Brown');
    expect(app.wrapper.find('[data-test=numbers-today]').exists()).toBe(false);
    expect(app.wrapper.get('[data-test=today-numbers]').text()).toContain('Loading');
    releaseNumbers();
    await settle();
    expect(app.wrapper.find('[data-test=numbers-today]').exists()).toBe(true);
  });
});

describe('Tips and Team (issue 25 §7)', () => {
  it('a tip row for someone not on the Team list says why', async () => {
    const view: TodayView = sampleView();
    view.tips = part([{ ...view.tips.data![0]!, name: 'Hannah Lee', inTeam: false }]);
    app = await mountApp({ api: todayApi(view), at: '/today' });
    await settle();
    expect(app.wrapper.get('[data-test=tip-not-in-team]').text()).toBe(
      'Not on the Team list: hidden or dismissed in Altegio',
    );
  });
});
