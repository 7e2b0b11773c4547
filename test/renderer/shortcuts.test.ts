import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, ok, sampleLocation, samplePage, sampleHit, sampleUser } from './support/fake-api';
import { mountApp, settle, stubLayout, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
let unstub: () => void = () => undefined;
afterEach(() => {
  app?.unmount();
  app = null;
  unstub();
});

function signedIn() {
  unstub = stubLayout();
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
      search: async () => ok(samplePage([sampleHit(1)])),
    },
  });
}

const press = (key: string, mods: KeyboardEventInit = { ctrlKey: true }) =>
  window.dispatchEvent(new KeyboardEvent('keydown', { key, ...mods, bubbles: true, cancelable: true }));

describe('desk-wide keyboard shortcuts', () => {
  it('Ctrl+K from another screen opens the catalogue with the search box focused', async () => {
    app = await mountApp({ api: signedIn(), at: '/team' });
    press('k');
    await settle();
    expect(app.router.currentRoute.value.name).toBe('catalogue');
    expect(document.activeElement).toBe(app.wrapper.get('input[type=search]').element);
  });

  it('Ctrl+1…5 open the screens', async () => {
    app = await mountApp({ api: signedIn(), at: '/catalogue' });
    for (const [key, name] of [
      ['4', 'report'],
      ['3', 'team'],
      ['5', 'settings'],
      ['2', 'catalogue'],
      ['1', 'today'],
    ] as const) {
      press(key);
      // The day report is a lazily loaded route: wait for the navigation, not a fixed time.
      await vi.waitFor(() => expect(app!.router.currentRoute.value.name).toBe(name), { timeout: 3000 });
    }
  });

  it('Ctrl+1/3/4/5 move focus to the new screen’s heading, not the page body', async () => {
    app = await mountApp({ api: signedIn(), at: '/catalogue' });
    for (const [key, name] of [
      ['3', 'team'],
      ['4', 'report'],
      ['5', 'settings'],
      ['1', 'today'],
    ] as const) {
      press(key);
      await vi.waitFor(() => expect(app!.router.currentRoute.value.name).toBe(name), { timeout: 3000 });
      await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('H1'), { timeout: 3000 });
      expect(document.activeElement!.closest('main')).not.toBeNull();
    }
  });

  it('does nothing before sign-in', async () => {
    unstub = stubLayout();
    app = await mountApp({ api: createFakeApi(), at: '/sign-in' });
    press('3');
    await settle();
    expect(app.router.currentRoute.value.name).toBe('sign-in');
  });

  it('the tabs show their shortcut in the tooltip, and Settings lists them all', async () => {
    app = await mountApp({ api: signedIn(), at: '/settings' });
    const tabs = app.wrapper.findAll('nav.tabs a');
    expect(tabs.map((a) => a.attributes('title'))).toEqual([
      'Today (Ctrl+1)',
      'Catalogue (Ctrl+2)',
      'Team (Ctrl+3)',
      'Day report (Ctrl+4)',
      'Settings (Ctrl+5)',
    ]);
    expect(tabs[0]!.attributes('aria-keyshortcuts')).toBe('Control+1');
    const listed = app.wrapper.get('[data-test=shortcuts]').text();
    expect(listed).toContain('Ctrl+K');
    expect(listed).toContain('Search the catalogue (from any screen)');
    expect(listed).toContain('Ctrl+4');
    expect(listed).toContain('Open Day report');
    expect(listed).toContain('Ctrl+L');
    expect(listed).toContain('Lock the desk');
  });
});
