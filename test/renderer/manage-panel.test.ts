import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/renderer/src/i18n';
import type { ManageRights } from '../../src/shared/domain/manage';
import { ManageItem } from '../../src/shared/domain/manage-item';
import type { ServiceFields } from '../../src/shared/domain/service-edit';
import { useCatalogStore } from '../../src/renderer/src/stores/catalog';
import {
  createFakeApi,
  fail,
  ok,
  sampleCategories,
  sampleDetail,
  sampleLocation,
  sampleStaff,
  sampleUser,
} from './support/fake-api';
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
  retireService: may,
  servicePhoto: may,
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

const BASE: ServiceFields = {
  title: 'Gloss treatment',
  categoryId: 1,
  priceMin: 40,
  priceMax: 60,
  durationMin: 60,
  staff: [
    { staffId: 7, durationMin: 45 },
    { staffId: 8, durationMin: 60 },
  ],
  bookableOnline: true,
  breakMin: null,
  comment: '',
};
const withMember = (f: ServiceFields, id: number, min: number): ServiceFields => ({
  ...f,
  staff: f.staff.map((m) => (m.staffId === id ? { ...m, durationMin: min } : m)),
});
/** An edit held because Altegio changed the lowest price and Maria's minutes too. */
const held = (): ManageItem =>
  item({
    id: 4,
    kind: 'update-service',
    state: 'conflict',
    targetId: 5,
    edit: {
      base: BASE,
      mine: withMember({ ...BASE, priceMin: 35, comment: 'New' }, 7, 60),
      theirs: withMember({ ...BASE, priceMin: 42 }, 7, 30),
      fields: ['priceMin', 'comment', 'staff:7'],
      conflicts: ['priceMin', 'staff:7'],
    },
  });

function manageApi(may: boolean | ManageRights, queued: ManageItem[] = []) {
  const list = [...queued];
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
      categories: async () => ok({ items: sampleCategories, total: 20, syncedAt: null }),
      service: async (a) => ok(sampleDetail(a.id, { title: 'Gloss treatment' })),
    },
    staff: {
      list: async () =>
        ok({
          items: [sampleStaff(7, { name: 'Maria Lopez' }), sampleStaff(8, { name: 'Ivan Petrov' })],
          syncedAt: null,
        }),
    },
    manage: {
      rights: async () => ok(typeof may === 'boolean' ? rights(may) : may),
      list: async () => ok([...list]),
      createService: async (a) => {
        const it = item({ id: 9, title: a.title.trim(), state: 'pending' });
        list.push(it);
        return ok(it);
      },
      createCategory: async () => fail('FORBIDDEN', 'Not enough rights'),
      openService: async () => ok({ fields: BASE, source: 'altegio' as const, breakKnown: true }),
      updateService: async (a) => {
        const it = item({
          id: 11,
          kind: 'update-service',
          title: a.mine.title,
          targetId: a.serviceId,
          state: 'pending',
        });
        list.push(it);
        return ok(it);
      },
      retireService: async (a) => ok(item({ id: 12, kind: 'retire-service', title: a.title, state: 'sent' })),
      resolveConflict: async (a) => {
        list.splice(
          list.findIndex((i) => i.id === a.id),
          1,
        );
        return ok(null);
      },
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

  it('“Send again” is offered only for the kinds of change this person’s rights allow; Cancel always is', async () => {
    const editorOnly = { ...rights(false, null), editService: true };
    app = await mountApp({
      api: manageApi(editorOnly, [
        item({ id: 1, kind: 'create-service', state: 'needs-manager', title: 'Gloss treatment' }),
        item({ id: 2, kind: 'update-service', state: 'failed', title: 'Balayage', targetId: 5 }),
      ]),
      at: '/catalogue',
    });
    await openPanel(app);
    const buttonsOf = (id: string) =>
      [...document.querySelectorAll('.change')]
        .find((li) => li.textContent!.includes(id))!
        .querySelectorAll('button');
    const labels = (id: string) => [...buttonsOf(id)].map((b) => b.textContent!.trim());
    // A new service needs createService, which an editor lacks: Retry would only be refused by main.
    expect(labels('Gloss treatment')).toEqual(['Cancel this change']);
    expect(labels('Balayage')).toEqual(['Send again', 'Cancel this change']);
  });

  it('an edit held by a conflict shows both versions field by field, and "Send mine" sends it', async () => {
    const api = manageApi(true, [held()]);
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.get('.not-yet-sent').text()).toContain(
      'Gloss treatment · Service change · Changed on Altegio too',
    );
    await openPanel(app);
    const view = $('.conflict');
    expect(view.querySelector('h4')!.textContent).toBe('“Gloss treatment”: changed on Altegio too');
    const rows = [...view.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
    );
    // Only the fields changed on both sides; the comment (changed here only) is not asked about.
    expect(rows).toEqual([
      ['Price from', '£42.00', '£35.00'],
      ['Minutes for Maria Lopez', '30 min', '1 hr'],
    ]);
    const send = [...view.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Send mine')!;
    send.click();
    await settle();
    expect(api.manage.resolveConflict).toHaveBeenCalledWith({ id: 4, choice: 'mine' });
    expect(document.querySelector('.conflict')).toBeNull();
  });

  it('the conflict view in Spanish, and "Keep Altegio’s" drops the change', async () => {
    const api = manageApi(true, [held()]);
    app = await mountApp({ api, at: '/catalogue' });
    setLanguage('es');
    await settle();
    await openPanel(app);
    const view = $('.conflict');
    expect(view.textContent).toContain('Ahora en Altegio');
    expect(view.textContent).toContain('Su cambio');
    const keep = [...view.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Conservar el de Altegio')!;
    keep.click();
    await settle();
    expect(api.manage.resolveConflict).toHaveBeenCalledWith({ id: 4, choice: 'theirs' });
  });

  it('the open service is changed with only what was altered, and removed after a sentence saying what that does', async () => {
    const api = manageApi(true);
    app = await mountApp({ api, at: '/catalogue' });
    await useCatalogStore().select(5);
    await settle();
    await app.wrapper.get('.edit-open').trigger('click');
    await settle();
    expect($('#manage-edit').textContent).toBe('Change “Gloss treatment”');
    await type('#edit-price-min', '35');
    const minutes = document.querySelectorAll<HTMLInputElement>('[aria-labelledby=manage-edit] .member .minutes');
    minutes[0]!.value = '60';
    minutes[0]!.dispatchEvent(new Event('input'));
    await settle();
    $<HTMLFormElement>('[aria-labelledby=manage-edit]').dispatchEvent(new Event('submit'));
    await settle();
    expect(api.manage.updateService).toHaveBeenCalledWith({
      locationId: 101,
      serviceId: 5,
      base: BASE,
      mine: withMember({ ...BASE, priceMin: 35 }, 7, 60),
    });

    const remove = [...document.querySelectorAll<HTMLButtonElement>('[aria-labelledby=manage-edit] button')].find(
      (b) => b.textContent!.trim() === 'Remove service',
    )!;
    remove.click();
    await settle();
    expect($('#retire-sentence').textContent).toContain('Remove “Gloss treatment” from Altegio? It leaves the menu');
    expect(api.manage.retireService).not.toHaveBeenCalled();
    [...document.querySelectorAll<HTMLButtonElement>('[role=alertdialog] button')]
      .find((b) => b.textContent!.trim() === 'Yes, remove it')!
      .click();
    await settle();
    expect(api.manage.retireService).toHaveBeenCalledWith({ locationId: 101, serviceId: 5, title: 'Gloss treatment' });
    expect($('[aria-labelledby=manage-edit] [role=status]').textContent?.trim()).toBe(
      '“Gloss treatment” is removed on Altegio.',
    );
  });

  it('a performer Altegio links but the location does not list (hidden, fired) is named in a sentence, not as “#3107”', async () => {
    const api = manageApi(true);
    api.manage.openService.mockImplementation(async () =>
      ok({ fields: { ...BASE, staff: [...BASE.staff, { staffId: 3107, durationMin: 30 }] }, source: 'altegio' as const, breakKnown: true }),
    );
    app = await mountApp({ api, at: '/catalogue' });
    await useCatalogStore().select(5);
    await settle();
    await app.wrapper.get('.edit-open').trigger('click');
    await settle();
    const names = [...document.querySelectorAll('[aria-labelledby=manage-edit] .member')].map((m) => m.textContent);
    expect(names.join('|')).toContain('Team member not listed at this location (no. 3107)');
    expect(names.join('|')).not.toContain('#3107');
  });

  it('offline, the break can be changed only when the catalogue’s copy knows it; otherwise a sentence says why', async () => {
    for (const breakKnown of [false, true]) {
      const api = manageApi(true);
      api.manage.openService.mockImplementation(async () => ok({ fields: BASE, source: 'cache' as const, breakKnown }));
      app = await mountApp({ api, at: '/catalogue' });
      await useCatalogStore().select(5);
      await settle();
      await app.wrapper.get('.edit-open').trigger('click');
      await settle();
      const note = $('[aria-labelledby=manage-edit] [role=note]').textContent!;
      expect(note).toContain('Altegio cannot be reached, so this is the catalogue’s copy.');
      expect(note.includes('does not hold this service’s technical break')).toBe(!breakKnown);
      expect($<HTMLSelectElement>('#edit-break').disabled).toBe(!breakKnown);
      app.unmount();
      app = null;
    }
  });

  it('an editor who may not create or remove: each form says what is allowed, the edit stays open', async () => {
    const api = manageApi({ ...rights(false, null), editService: true });
    app = await mountApp({ api, at: '/catalogue' });
    await useCatalogStore().select(5);
    await settle();
    await app.wrapper.get('.edit-open').trigger('click');
    await settle();
    expect(document.querySelector('.manage > .read-only')).toBeNull();
    const set = (form: string) => $<HTMLFieldSetElement>(`[aria-labelledby=${form}] fieldset`);
    expect(set('manage-edit').disabled).toBe(false);
    expect(set('manage-category').disabled).toBe(true);
    expect(set('manage-service').disabled).toBe(true);
    expect($('[aria-labelledby=manage-category] [role=note]').textContent!.trim()).toBe(
      'Your Altegio role does not allow adding categories at this location.',
    );
    expect($('[aria-labelledby=manage-service] [role=note]').textContent!.trim()).toBe(
      'Your Altegio role does not allow adding services at this location.',
    );
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('[aria-labelledby=manage-edit] button')];
    expect(buttons.some((b) => b.textContent!.trim() === 'Remove service')).toBe(false);
    expect($('[aria-labelledby=manage-edit] [data-test=no-retire]').textContent!.trim()).toBe(
      'Your Altegio role does not allow removing services: ask a manager to remove this one.',
    );
  });

  it('an edit not yet sent shows its new values in the catalogue', async () => {
    const waiting = held();
    waiting.state = 'pending';
    waiting.edit = { ...waiting.edit!, theirs: null, conflicts: [] };
    app = await mountApp({ api: manageApi(true, [waiting]), at: '/catalogue' });
    expect(app.wrapper.get('.not-yet-sent').text()).toContain(
      'Gloss treatment · Service change · Not yet sent · new: Price from: £35.00 · Comment: New · Minutes for Maria Lopez: 1 hr',
    );
  });

  it('a person who may add services but not change them sees the edit form read-only, with the sentence', async () => {
    const api = manageApi(true);
    api.manage.rights.mockImplementation(async () => ok({ ...rights(true), editService: false }));
    app = await mountApp({ api, at: '/catalogue' });
    await useCatalogStore().select(5);
    await settle();
    await app.wrapper.get('.edit-open').trigger('click');
    await settle();
    const form = $('[aria-labelledby=manage-edit]');
    expect(form.querySelector('fieldset')!.disabled).toBe(true);
    expect(form.textContent).toContain('Your Altegio role does not allow changing services at this location');
  });
});
