import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/renderer/src/i18n';
import type { ManageItem, ManageRights } from '../../src/shared/domain/manage';
import { createFakeApi, fail, ok, sampleCategories, sampleLocation, sampleStaff, sampleUser } from './support/fake-api';
import { mountApp, settle, stubLayout, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
let unstub: () => void = () => undefined;
beforeEach(() => {
  unstub = stubLayout();
  setLanguage('en');
});
afterEach(() => {
  app?.unmount();
  app = null;
  unstub();
  setLanguage('en');
});

const rights = (may: boolean, reason: ManageRights['readOnlyReason'] = may ? null : 'no-rights'): ManageRights => ({
  locationId: 101,
  createCategory: may,
  createService: may,
  editService: may,
  readOnlyReason: reason,
  checkedAt: '2026-03-23T14:00:00.000Z',
});
const item = (patch: Partial<ManageItem>): ManageItem => ({
  id: 1,
  kind: 'create-service',
  locationId: 101,
  title: 'Gloss treatment',
  categoryId: 1,
  pendingCategoryId: null,
  state: 'pending',
  remoteId: null,
  queuedBy: 'Anna Reception',
  lastError: null,
  createdAt: '2026-03-23T14:00:00.000Z',
  targetId: null,
  edit: null,
  ...patch,
});

function manageApi(may: boolean, queued: ManageItem[] = []) {
  const list = [...queued];
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
      categories: async () => ok({ items: sampleCategories, total: 20, syncedAt: null }),
    },
    staff: {
      list: async () =>
        ok({
          items: [sampleStaff(7, { name: 'Maria Lopez' }), sampleStaff(8, { name: 'Ivan Petrov' })],
          syncedAt: null,
        }),
    },
    manage: {
      rights: async () => ok(rights(may)),
      list: async () => ok([...list]),
      createService: async (a) => {
        const it = item({ id: 9, title: a.title.trim(), state: 'pending' });
        list.push(it);
        return ok(it);
      },
      createCategory: async () => fail('FORBIDDEN', 'Not enough rights'),
    },
  });
}

const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
async function type(sel: string, value: string): Promise<void> {
  const el = $<HTMLInputElement>(sel);
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input'));
  await settle();
}
async function openPanel(a: MountedApp): Promise<void> {
  await a.wrapper.get('.manage-open').trigger('click');
  await settle();
}

describe('manager mode: the Manage panel from the catalogue', () => {
  it('a receptionist without rights sees the forms read-only, with one sentence saying why', async () => {
    app = await mountApp({ api: manageApi(false), at: '/catalogue' });
    await openPanel(app);
    expect($('[role=dialog]').getAttribute('aria-label')).toBe('Manage the menu at Riverside Salon');
    expect($('.read-only').textContent).toBe(
      'Your Altegio role does not allow changing services at this location, so you can look but not change anything: ask a manager.',
    );
    const sets = [...document.querySelectorAll<HTMLFieldSetElement>('form > fieldset')];
    expect(sets).toHaveLength(2);
    expect(sets.every((f) => f.disabled)).toBe(true);
  });

  it('says each problem in the desk’s language before anything is sent', async () => {
    const api = manageApi(true);
    app = await mountApp({ api, at: '/catalogue' });
    setLanguage('ru');
    await settle();
    await openPanel(app);
    await type('#svc-price-min', '50');
    await type('#svc-price-max', '40');
    const member = document.querySelectorAll<HTMLInputElement>('.member input[type=checkbox]')[0]!;
    member.click();
    await settle();
    await type('.member .minutes', '50');
    $<HTMLFormElement>('[aria-labelledby=manage-service]').dispatchEvent(new Event('submit'));
    await settle();
    const text = $('[aria-labelledby=manage-service]').textContent!;
    expect(text).toContain('Введите название.');
    expect(text).toContain('Выберите категорию.');
    expect(text).toContain('Максимальная цена не может быть ниже минимальной.');
    expect(text).toContain('Maria Lopez: Altegio принимает время сотрудника шагами по 15 минут');
    expect(api.manage.createService).not.toHaveBeenCalled();
  });

  it('sends a new service with two performers’ own durations; it shows in the catalogue as not yet sent', async () => {
    const api = manageApi(true);
    app = await mountApp({ api, at: '/catalogue' });
    await openPanel(app);
    await type('#svc-title', '  Gloss treatment ');
    await type('#svc-category', 'c:1');
    await type('#svc-price-min', '40');
    await type('#svc-price-max', '60,5');
    await type('#svc-duration', '60');
    await type('#svc-break', '10');
    const boxes = document.querySelectorAll<HTMLInputElement>('.member input[type=checkbox]');
    boxes[0]!.click();
    boxes[1]!.click();
    await settle();
    const minutes = document.querySelectorAll<HTMLInputElement>('.member .minutes');
    minutes[0]!.value = '45';
    minutes[0]!.dispatchEvent(new Event('input'));
    await settle();
    $<HTMLFormElement>('[aria-labelledby=manage-service]').dispatchEvent(new Event('submit'));
    await settle();
    expect(api.manage.createService).toHaveBeenCalledWith({
      locationId: 101,
      title: '  Gloss treatment ',
      categoryId: 1,
      priceMin: 40,
      priceMax: 60.5,
      durationMin: 60,
      staff: [
        { staffId: 7, durationMin: 45 },
        { staffId: 8, durationMin: 60 },
      ],
      bookableOnline: true,
      breakMin: 10,
      comment: '',
    });
    expect($('[aria-labelledby=manage-service] [role=status]').textContent?.trim()).toBe(
      '“Gloss treatment” will be sent as soon as Altegio can be reached.',
    );
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();
    expect(app.wrapper.get('.not-yet-sent').text()).toContain('Gloss treatment · New service · Not yet sent');
  });

  it('a change Altegio refused with 403 is listed as "needs a manager", never dropped', async () => {
    app = await mountApp({
      api: manageApi(true, [item({ state: 'needs-manager', queuedBy: 'Mia Desk' })]),
      at: '/catalogue',
    });
    expect(app.wrapper.get('.not-yet-sent').text()).toContain('Needs a manager');
    await openPanel(app);
    const row = $('.change[data-state=needs-manager]').textContent!;
    expect(row).toContain('by Mia Desk');
    expect(row).toContain('Send again');
  });
});
