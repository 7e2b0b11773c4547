// @vitest-environment jsdom
// The description goes through DOMPurify, which needs a DOM it can walk (happy-dom returns input untouched).
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LocationCard from '../../src/renderer/src/components/manage/LocationCard.vue';
import PhoneField from '../../src/renderer/src/components/manage/PhoneField.vue';
import { setLanguage } from '../../src/renderer/src/i18n';
import type { LocationCard as Card, LocationFields, LocationItem } from '../../src/shared/domain/location';
import { createFakeApi, fail, installFakeApi, ok } from './support/fake-api';

beforeEach(() => {
  setActivePinia(createPinia());
  setLanguage('en');
});
afterEach(() => {
  vi.useRealTimers();
  setLanguage('en');
});

const FIELDS: LocationFields = {
  title: 'Soho Studio',
  address: '12 Spring Street',
  zip: '10012',
  city: 'New York',
  phones: ['+12125550141'],
  site: 'soho.example',
  shortDescr: 'Hair, nails and spa',
  description: '<p>The <strong>best</strong> salon</p>',
  social: { instagram: 'ig/soho', facebook: '', telegram: '', whatsapp: '', viber: '', vk: '' },
};
const card = (patch: Partial<Card> = {}): Card => ({
  locationId: 101,
  fields: FIELDS,
  fromAltegio: true,
  readAt: '2026-03-23T14:00:00.000Z',
  rights: { edit: true, editDescription: true, readOnlyReason: null },
  country: 'US',
  pending: null,
  ...patch,
});
const item = (patch: Partial<LocationItem> = {}): LocationItem => ({
  id: 5,
  locationId: 101,
  state: 'sent',
  changes: {},
  base: FIELDS,
  theirs: null,
  conflicts: [],
  queuedBy: 'Maria Manager',
  lastError: null,
  phoneIssue: null,
  createdAt: '2026-03-23T14:00:00.000Z',
  ...patch,
});

describe('PhoneField (issue 22 §4)', () => {
  function phone(value: string, validate = vi.fn(async () => ok({ valid: true as boolean | null }))) {
    const api = installFakeApi(createFakeApi({ phone: { validate } }));
    const w = mount(PhoneField, {
      props: { modelValue: value, country: 'US', label: 'Phone', id: 'p', debounceMs: 5 },
    });
    return { w, api, validate };
  }

  it('says why a number is wrong, and asks Altegio nothing about it', async () => {
    const { w, validate } = phone('(212) 555');
    await flushPromises();
    expect(w.find('.note').text()).toBe('This number is too short: some digits are missing.');
    expect(w.find('input').attributes('aria-invalid')).toBe('true');
    await new Promise((r) => setTimeout(r, 20));
    expect(validate).not.toHaveBeenCalled();
  });

  it('formats what is typed for the location’s country', async () => {
    const { w } = phone('');
    await w.find('input').setValue('2125550');
    expect(w.emitted('update:modelValue')!.at(-1)).toEqual(['(212) 555-0']);
  });

  it('a right number is checked with Altegio; unreachable Altegio leaves “checked on this PC only”', async () => {
    const { w, validate } = phone('(212) 555-0141');
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(validate).toHaveBeenCalledWith({ phone: '+12125550141' });
    expect(w.find('.note').text()).toBe('Checked with Altegio');
    const off = phone(
      '(917) 555-0142',
      vi.fn(async () => ok({ valid: null })),
    );
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(off.w.find('.note').text()).toBe('Checked on this PC only');
  });

  it('Altegio’s “not valid” is the reason; the last number typed wins over a slower earlier answer', async () => {
    let release: (v: unknown) => void = () => undefined;
    const validate = vi.fn(async ({ phone: p }: { phone: string }) => {
      if (p === '+12125550141') await new Promise((r) => (release = r));
      return ok({ valid: p !== '+19175550142' });
    });
    const { w } = phone('(212) 555-0141', validate as never);
    await new Promise((r) => setTimeout(r, 20));
    await w.setProps({ modelValue: '(917) 555-0142' });
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    release(undefined);
    await flushPromises();
    expect(w.find('.note').text()).toBe('Altegio says this number is not valid.');
    expect(w.emitted('check')!.at(-1)).toEqual([{ valid: false, e164: '+19175550142', reason: 'altegio' }]);
  });
});

describe('LocationCard (issue 22 §3)', () => {
  async function open(c: Card, over: Parameters<typeof createFakeApi>[0] = {}) {
    const api = installFakeApi(createFakeApi({ location: { card: async () => ok(c) }, ...over }));
    const w = mount(LocationCard, { props: { locationId: 101 }, attachTo: document.body });
    await flushPromises();
    return { w, api };
  }

  it('read-only with one sentence for a person without the rights; no edit button', async () => {
    const { w } = await open(card({ rights: { edit: false, editDescription: false, readOnlyReason: 'no-rights' } }));
    expect(w.find('[data-test="read-only"]').text()).toContain('does not allow changing the location’s details');
    expect(w.findAll('button').some((b) => b.text() === 'Edit the card')).toBe(false);
    w.unmount();
  });

  it('shows the description sanitised; edit → “what will change” → confirm sends only the changed fields', async () => {
    const update = vi.fn(async () => ok(item({ state: 'sent' })));
    const { w } = await open(card(), { location: { card: async () => ok(card()), update } });
    expect(w.find('.description').html()).toContain('<strong>best</strong>');
    await w
      .findAll('button')
      .find((b) => b.text() === 'Edit the card')!
      .trigger('click');
    expect(w.text()).toContain('formatting (bold text, lists or links)');
    // The same number typed again in the national form is no change.
    await w.find('#loc-phone-0').setValue('212 555 0141');
    await w.find('#loc-zip').setValue('10014');
    await w.find('form').trigger('submit');
    expect(w.findAll('[data-test="review"] tbody tr').map((r) => r.find('th').text())).toEqual(['Postcode']);
    await w
      .findAll('button')
      .find((b) => b.text() === 'Back to editing')!
      .trigger('click');
    await w.find('#loc-zip').setValue('10013');
    await w.find('#loc-phone-0').setValue('(917) 555-0142');
    await flushPromises();
    await w.find('form').trigger('submit');
    const rows = w.findAll('[data-test="review"] tbody tr').map((r) => r.findAll('th,td').map((c) => c.text()));
    expect(rows).toEqual([
      ['Postcode', '10012', '10013'],
      ['Phones', '(212) 555-0141', '(917) 555-0142'],
    ]);
    await w
      .findAll('button')
      .find((b) => b.text() === 'Send these changes')!
      .trigger('click');
    await flushPromises();
    expect(update).toHaveBeenCalledWith({
      locationId: 101,
      base: FIELDS,
      changes: { zip: '10013', phones: ['+19175550142'] },
    });
    expect(w.text()).toContain('The location card is updated in Altegio.');
    w.unmount();
  });

  it('an edit that stops in a conflict is not announced as “will be sent”', async () => {
    const conflict = item({
      state: 'conflict',
      changes: { zip: '10013' },
      theirs: { ...FIELDS, zip: '10099' },
      conflicts: ['zip'],
    });
    const { w } = await open(card(), {
      location: { card: async () => ok(card()), update: async () => ok(conflict) },
    });
    await w
      .findAll('button')
      .find((b) => b.text() === 'Edit the card')!
      .trigger('click');
    await w.find('#loc-zip').setValue('10013');
    await w.find('form').trigger('submit');
    await w
      .findAll('button')
      .find((b) => b.text() === 'Send these changes')!
      .trigger('click');
    await flushPromises();
    expect(w.text()).not.toContain('will be sent as soon as');
    w.unmount();
  });

  it('a wrong phone keeps “Review the changes” disabled with the reason', async () => {
    const { w } = await open(card());
    await w
      .findAll('button')
      .find((b) => b.text() === 'Edit the card')!
      .trigger('click');
    await w.find('#loc-phone-0').setValue('+1 212 555');
    await flushPromises();
    expect(w.text()).toContain('This number is too short');
    expect(
      w
        .findAll('button')
        .find((b) => b.text() === 'Review the changes')!
        .attributes('disabled'),
    ).toBeDefined();
    w.unmount();
  });

  it('a conflict shows Altegio’s value and mine side by side; the manager chooses', async () => {
    const resolve = vi.fn(async () => ok(null));
    const conflict = item({
      state: 'conflict',
      changes: { zip: '10013' },
      theirs: { ...FIELDS, zip: '10099' },
      conflicts: ['zip'],
    });
    const { w } = await open(card({ pending: conflict }), {
      location: { card: async () => ok(card({ pending: conflict })), resolve },
    });
    const rows = w.findAll('[data-test="conflict"] tbody tr').map((r) => r.findAll('th,td').map((c) => c.text()));
    expect(rows).toEqual([['Postcode', '10099', '10013']]);
    await w
      .findAll('button')
      .find((b) => b.text() === 'Keep Altegio’s')!
      .trigger('click');
    expect(resolve).toHaveBeenCalledWith({ id: 5, keep: 'theirs' });
    await w
      .findAll('button')
      .find((b) => b.text() === 'Send mine')!
      .trigger('click');
    expect(resolve).toHaveBeenCalledWith({ id: 5, keep: 'mine' });
    w.unmount();
  });

  it('a refusal is said in the desk’s language', async () => {
    setLanguage('ru');
    const { w } = await open(card(), { location: { card: async () => fail('OFFLINE', 'x') } });
    expect(w.find('.error').text().length).toBeGreaterThan(0);
    w.unmount();
  });
});
