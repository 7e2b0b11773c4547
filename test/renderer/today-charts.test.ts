import { afterEach, describe, expect, it } from 'vitest';
import type { TodayView } from '../../src/shared/domain/today';
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
