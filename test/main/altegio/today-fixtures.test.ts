import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeSchema } from '../../../src/main/altegio/schemas';
import {
  analyticsOverallSchema,
  dailyChartSchema,
  nextSlotSchema,
  scheduleSchema,
  shareChartSchema,
  tipsSettingsFullSchema,
} from '../../../src/main/altegio/today-schemas';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8'));
const data = (name: string): unknown => envelopeSchema.parse(fixture(name)).data;

describe('Today endpoints: documented and live bodies parse', () => {
  it('analytics/overall (live): money strings become numbers, currency by ISO code', () => {
    const o = analyticsOverallSchema.parse(data('analytics_overall'));
    expect(o.currency).toBe('KZT');
    expect(o.income).toEqual({ current: 0, previous: 338.1, changePercent: -100 });
    expect(o.average).toEqual({ current: 0, previous: 169.05, changePercent: -100 });
    expect(o.fullness).toEqual({ current: 0, previous: 5.5, changePercent: -100 });
    expect(o.records).toMatchObject({ total: 0, previousTotal: 6, canceled: 0 });
    expect(o.clients).toMatchObject({ total: 3, new: 0, returning: 0 });
  });

  it('daily charts (bare arrays): every point becomes a calendar day', () => {
    const income = dailyChartSchema.parse(fixture('analytics_income_daily'));
    expect(income.map((s) => s.slug)).toEqual(['income_total', 'income_services', 'income_goods']);
    expect(income[0]!.points[0]).toEqual({ date: '2026-08-01', value: 0 });
    const records = dailyChartSchema.parse(fixture('analytics_records_daily'));
    expect(records[0]).toMatchObject({ label: 'Number of appointments', slug: null });
    expect(records[0]!.points.map((p) => p.date)).toEqual(['2026-08-01', '2026-08-02', '2026-08-03']);
    const fullness = dailyChartSchema.parse(fixture('analytics_fullness_daily'));
    expect(fullness.map((s) => s.slug)).toEqual(['fullness_spent', 'fullness_no_show']);
  });

  it("daily charts: the official description's ISO points parse as the day written in them (issue 19 §2.3)", () => {
    // The example of income_daily, records_daily and fullness_daily in en-b2b-v1.openapi.yaml.
    const example = [
      {
        label: 'Revenue',
        data: [
          ['2026-09-21T23:00:00.000-05:00', 1000],
          ['2026-09-22T00:00:00.000-05:00', 500],
        ],
      },
    ];
    const [revenue] = dailyChartSchema.parse(example);
    expect(revenue!.points).toEqual([
      { date: '2026-09-21', value: 1000 },
      { date: '2026-09-22', value: 500 },
    ]);
    // Mixed with the live form (epoch ms at UTC midnight) in one answer.
    const mixed = dailyChartSchema.parse([{ label: 'x', data: [[Date.UTC(2026, 8, 20), 1], ['2026-09-21T00:00:00Z', 2]] }]);
    expect(mixed[0]!.points.map((p) => p.date)).toEqual(['2026-09-20', '2026-09-21']);
    expect(dailyChartSchema.safeParse([{ label: 'x', data: [['yesterday', 1]] }]).success).toBe(false);
  });

  it('share charts: record source and status', () => {
    expect(shareChartSchema.parse(fixture('analytics_record_source'))[0]).toEqual({
      label: 'Administrator',
      value: 180,
    });
    const status = shareChartSchema.parse(fixture('analytics_record_status'));
    expect(status.map((s) => s.value)).toEqual([231, 28, 13, 18, 6]);
  });

  it('tips settings: the external landing is the link, staff name and photo come along', () => {
    const tips = tipsSettingsFullSchema.parse(data('tips_settings'));
    expect(tips[0]).toEqual({
      id: 1,
      staffId: 742418,
      isEnabled: true,
      status: 3,
      statusTitle: 'pending account',
      link: 'https://app.alteg.io/tips/external/253859/ba816199-eecf-4bd2-9f1d-db470545bfaf/',
      staffName: 'Fusa',
      staffAvatar: 'https://assets.alteg.io/masters/sm/c/c7/c77a4bf2b6b3896_20210304004333.png',
    });
    // Altegio's default picture counts as no photo.
    expect(tips[1]!.staffAvatar).toBeNull();
  });

  it('schedule: the OpenAPI example (team_member_id) and the schema name (staff_id) both work', () => {
    // Example body of GET /company/{location_id}/staff/schedule in en-b2b-v1.openapi.yaml.
    const example = {
      success: true,
      data: [
        {
          team_member_id: 12345,
          date: '2026-01-31',
          slots: [
            { from: '10:00', to: '12:00' },
            { from: '13:00', to: '19:00' },
          ],
          busy_intervals: [
            { entity_type: 'record', entity_id: 456789, from: '11:00:00', to: '12:00:00' },
            { entity_type: 'activity', entity_id: 123456, from: '15:00:00', to: '16:00:00' },
          ],
          off_day_type: null,
        },
      ],
      meta: { count: 1 },
    };
    const days = scheduleSchema.parse(envelopeSchema.parse(example).data);
    expect(days).toEqual([
      {
        staffId: 12345,
        date: '2026-01-31',
        slots: [
          { from: '10:00', to: '12:00' },
          { from: '13:00', to: '19:00' },
        ],
        busy: [
          { from: '11:00', to: '12:00' },
          { from: '15:00', to: '16:00' },
        ],
        offDayType: null,
      },
    ]);
    expect(scheduleSchema.parse([{ staff_id: 7, date: '2026-01-31', slots: [] }])[0]).toMatchObject({ staffId: 7 });
    expect(scheduleSchema.safeParse([{ date: '2026-01-31', slots: [] }]).success).toBe(false);
  });

  it('company with forBooking=1: next_slot from the OpenAPI example; absent without it', () => {
    const company = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'company.json'), 'utf8')) as { data: object };
    expect(nextSlotSchema.parse({ ...company.data, next_slot: '2026-03-23T10:10:00-05:00' })).toBe(
      '2026-03-23T10:10:00-05:00',
    );
    expect(nextSlotSchema.parse({ id: 1 })).toBeNull();
    expect(nextSlotSchema.parse({ next_slot: 'soon' })).toBeNull();
  });
});
