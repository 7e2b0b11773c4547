import { onBeforeUnmount, onMounted } from 'vue';

const TABBABLE = 'a[href], button, input, select, textarea, iframe, [tabindex], [contenteditable="true"]';

/** Controls Tab stops at, in order, inside `scope`. */
export function tabbables(scope: ParentNode): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest('[hidden], [inert]') &&
      (typeof el.checkVisibility !== 'function' || el.checkVisibility()),
  );
}

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last. Without this the
 * Electron window takes one "empty" stop past the end of the page (focus on nothing, as after the
 * catalogue detail's ✕), where a browser would have its address bar. An open modal dialog keeps
 * Tab inside itself the same way.
 */
export function wrapTab(e: KeyboardEvent, root: Document = document): boolean {
  if (e.key !== 'Tab' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return false;
  const scope = root.querySelector<HTMLElement>('[aria-modal="true"]') ?? root.body;
  const stops = tabbables(scope);
  if (stops.length === 0) return false;
  const active = root.activeElement;
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const outside = !active || active === root.body || !scope.contains(active);
  let to: HTMLElement | null = null;
  if (e.shiftKey && (active === first || outside)) to = last;
  else if (!e.shiftKey && (active === last || outside)) to = first;
  if (!to) return false;
  e.preventDefault();
  to.focus();
  return true;
}

export function useTabWrap(): void {
  const onKey = (e: KeyboardEvent) => void wrapTab(e);
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
