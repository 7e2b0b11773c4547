import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TeamToday from '../../src/renderer/src/views/today/TeamToday.vue';

/**
 * WCAG 2.5.3 (axe label-content-name-mismatch, serious): a button's spoken name contains what it shows,
 * so voice control finds "Liam Smith" by saying it. It showed only on days with someone off, which is
 * how the e2e's axe check could pass on one weekday and fail on another.
 */
describe('Today team: names people can say', () => {
  it('an off member’s button is named by its visible text; what it does is its description', () => {
    const w = mount(TeamToday, {
      props: { team: { date: '2026-03-23', working: [], off: [{ id: 2, name: 'Liam Smith', position: null, avatarUrl: null }] } },
    });
    const button = w.get('button.off-member');
    expect(button.attributes('aria-label')).toBeUndefined();
    // What a screen reader says: the text outside aria-hidden parts (the avatar's initials are decoration).
    const spoken = button.element.cloneNode(true) as HTMLElement;
    for (const hidden of spoken.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    expect(spoken.textContent?.trim()).toBe('Liam Smith');
    const hint = w.get(`#${button.attributes('aria-describedby')}`);
    expect(hint.text()).toBe('Services of Liam Smith');
  });
});
