import { onBeforeUnmount, onMounted } from 'vue';
import type { Router } from 'vue-router';
import type { MessageKey } from '../i18n';

/** The main screens in tab order; Ctrl+1…5 (⌘ on a Mac) opens them from anywhere. */
export const SCREENS: readonly { name: string; label: MessageKey; key: string }[] = [
  { name: 'today', label: 'nav.today', key: '1' },
  { name: 'catalogue', label: 'nav.catalogue', key: '2' },
  { name: 'team', label: 'nav.team', key: '3' },
  { name: 'report', label: 'nav.report', key: '4' },
  { name: 'settings', label: 'nav.settings', key: '5' },
];

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** "Ctrl+1" / "⌘1", as shown in tooltips and Settings. */
export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`;
}

/** For aria-keyshortcuts. */
export function ariaShortcut(key: string): string {
  return `${isMac ? 'Meta' : 'Control'}+${key.toUpperCase()}`;
}

const SEARCH_KEY = 'k';
/** Ctrl+L locks the desk (handled by App.vue, which knows the lock store); listed in Settings. */
export const LOCK_KEY = 'l';

/**
 * After a screen opened by its key, focus goes to the screen's heading (made focusable, not a Tab stop),
 * so a screen reader says where the receptionist is and Tab continues from the top of that screen
 * rather than from the page body. A screen that focuses a control itself (the catalogue's search) keeps it.
 */
export async function focusScreen(root: ParentNode = document): Promise<void> {
  for (let frame = 0; frame < 120; frame++) {
    const main = root.querySelector('main');
    const active = document.activeElement;
    if (main && active && active !== document.body && main.contains(active)) return;
    const heading = main?.querySelector<HTMLElement>('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
      return;
    }
    // A lazily loaded screen (the day report) has no heading until its chunk arrives.
    await new Promise((r) => setTimeout(r, 16));
  }
}

/**
 * The desk-wide keys: Ctrl+K searches the catalogue from every screen (the catalogue focuses its
 * search box when it opens, and handles Ctrl+K itself while shown); Ctrl+1…5 open the screens.
 */
export function handleShortcut(e: KeyboardEvent, router: Router, signedIn: boolean): boolean {
  if (!signedIn || e.altKey || e.shiftKey || !(e.ctrlKey || e.metaKey)) return false;
  const key = e.key.toLowerCase();
  const here = router.currentRoute.value.name;
  if (key === SEARCH_KEY) {
    if (here === 'catalogue') return false;
    e.preventDefault();
    void router.push({ name: 'catalogue' });
    return true;
  }
  const screen = SCREENS.find((s) => s.key === key);
  if (!screen) return false;
  e.preventDefault();
  if (here !== screen.name) {
    void router.push({ name: screen.name }).then(async (failure) => {
      if (!failure) await focusScreen();
    });
  }
  return true;
}

export function useShortcuts(router: Router, signedIn: () => boolean): void {
  const onKey = (e: KeyboardEvent) => void handleShortcut(e, router, signedIn());
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
