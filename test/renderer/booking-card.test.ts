import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/renderer/src/i18n';
import type { BookingFormsView } from '../../src/shared/domain/booking';
import { createFakeApi, fail, ok, sampleLocation, sampleSettings, sampleStaff, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';
import { sampleView } from './support/today-view';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
  setLanguage('en');
});

const FORMS: BookingFormsView = {
  locationId: 101,
  forms: [
    { id: 1, title: 'Colour consultations', isDefault: false, url: 'https://n1.alteg.io/' },
    { id: 2, title: 'Online booking', isDefault: true, url: 'https://n2.alteg.io/' },
  ],
  preferredId: 2,
  fetchedAt: new Date().toISOString(),
  stale: false,
  error: null,
};

function bookingApi(booking: Record<string, (...a: never[]) => Promise<unknown>>, language: 'en' | 'ru' | null = null) {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    settings: {
      get: async () => ok(sampleSettings({ desk: { locationId: null, paper: 'a4', printer: null, language } })),
    },
    catalog: { locations: async () => ok({ items: [sampleLocation()], syncedAt: null }) },
    staff: { list: async () => ok({ items: [sampleStaff(1, { name: 'Olivia Brown' })], syncedAt: null }) },
    today: { get: async () => ok(sampleView()) },
    booking: {
      forms: async () => ok(FORMS),
      posterHtml: async () => ok({ html: '<!doctype html><p>poster</p>' }),
      printPoster: async () => ok({ printed: true }),
      savePosterPdf: async () => ok({ path: '/tmp/poster.pdf' }),
      ...booking,
    },
  } as Parameters<typeof createFakeApi>[0]);
}

const card = () => app!.wrapper.get('[data-test=booking-card]');

describe('the Online booking card on Today', () => {
  it('preselects the default form, prints the poster and the slip with the chosen form', async () => {
    app = await mountApp({ api: bookingApi({}), at: '/' });
    await settle();
    expect(app.api.booking.forms).toHaveBeenCalledWith({ locationId: 101 });
    const select = card().get<HTMLSelectElement>('[data-test=booking-form]');
    expect(select.element.value).toBe('2');
    expect(select.text()).toContain('Online booking (default)');
    expect(card().get('[data-test=booking-address]').text()).toBe('n2.alteg.io');
    expect(card().get('[data-test=booking-stamp]').text()).toMatch(/^Updated /);

    await card().get('[data-test=booking-poster]').trigger('click');
    await settle();
    expect(app.api.booking.posterHtml).toHaveBeenLastCalledWith({ locationId: 101, format: 'a4', formId: 2 });
    const dialog = document.querySelector('[role=dialog]')!;
    expect(dialog.textContent).toContain('Booking poster — Online booking (default)');
    expect(dialog.querySelector('iframe')!.getAttribute('title')).toBe('Booking poster preview');
    [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Print')!.click();
    await settle();
    expect(app.api.booking.printPoster).toHaveBeenCalledWith({ locationId: 101, format: 'a4', formId: 2 });
    expect(dialog.textContent).toContain('Sent to the printer.');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();

    await select.setValue('1');
    expect(card().get('[data-test=booking-address]').text()).toBe('n1.alteg.io');
    await card().get('[data-test=booking-slip]').trigger('click');
    await settle();
    expect(app.api.booking.posterHtml).toHaveBeenLastCalledWith({ locationId: 101, format: 'receipt80', formId: 1 });
    const slip = document.querySelector('[role=dialog]')!;
    [...slip.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save PDF')!.click();
    await settle();
    expect(app.api.booking.savePosterPdf).toHaveBeenCalledWith({ locationId: 101, format: 'receipt80', formId: 1 });
  });

  it('Refresh asks Altegio again', async () => {
    app = await mountApp({ api: bookingApi({}), at: '/' });
    await settle();
    await card().get('[data-test=booking-refresh]').trigger('click');
    await settle();
    expect(app.api.booking.forms).toHaveBeenLastCalledWith({ locationId: 101, refresh: true });
  });

  it('no form: one sentence saying what to do in Altegio, and nothing to print', async () => {
    app = await mountApp({
      api: bookingApi({ forms: async () => ok({ ...FORMS, forms: [], preferredId: null }) }),
      at: '/',
    });
    await settle();
    expect(card().get('[data-test=booking-none]').text()).toContain('A manager can create one in Altegio');
    expect(card().find('[data-test=booking-poster]').exists()).toBe(false);
  });

  it('offline: the copy with its age; a form gone from Altegio is said as such', async () => {
    const old = new Date(Date.now() - 3 * 3_600_000).toISOString();
    app = await mountApp({
      api: bookingApi({
        forms: async () =>
          ok({
            ...FORMS,
            forms: FORMS.forms.slice(1),
            fetchedAt: old,
            stale: true,
            error: { code: 'OFFLINE', message: 'x' },
          }),
        posterHtml: async () =>
          fail('NOT_FOUND', 'That booking form is no longer listed in Altegio.', { reason: 'formGone' }),
      }),
      at: '/',
    });
    await settle();
    expect(card().get('[data-test=booking-stamp]').text()).toMatch(/^Offline copy from .* \(3 hours ago\)$/);
    expect(card().find('[data-test=booking-form]').exists()).toBe(false); // one form: nothing to choose
    await card().get('[data-test=booking-poster]').trigger('click');
    await settle();
    expect(card().get('[data-test=booking-error]').text()).toBe(
      'That booking form is no longer in Altegio. Press Refresh and choose again.',
    );
  });

  it('back online after an offline copy, it asks main again by itself', async () => {
    app = await mountApp({
      api: bookingApi({
        forms: async () => ok({ ...FORMS, stale: true, error: { code: 'OFFLINE', message: 'x' } }),
      }),
      at: '/',
    });
    await settle();
    const asked = app.api.booking.forms.mock.calls.length;
    app.api.emit('connectivity', { online: false, checkedAt: new Date().toISOString() });
    await settle();
    expect(app.api.booking.forms.mock.calls.length).toBe(asked);
    app.api.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    await settle();
    expect(app.api.booking.forms.mock.calls.length).toBe(asked + 1);
    expect(app.api.booking.forms).toHaveBeenLastCalledWith({ locationId: 101 });
  });

  it('in Russian', async () => {
    app = await mountApp({ api: bookingApi({}, 'ru'), at: '/' });
    await settle();
    expect(card().get('h2').text()).toBe('Онлайн-запись');
    expect(card().get('[data-test=booking-poster]').text()).toBe('Плакат A4');
    expect(card().get('[data-test=booking-form]').text()).toContain('Online booking (основная)');
  });
});
