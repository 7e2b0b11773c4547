import type { DemoBookform } from '../types';

/**
 * Online booking forms per seeded location, in the form Altegio gives their addresses (n{id}.alteg.io).
 * SoHo has two, the default second, so a desk must pick the default rather than the first; Almaty has one;
 * Paris has none, for the sentence saying what to do in Altegio.
 */
export const SEED_BOOKFORMS: Readonly<Record<number, readonly DemoBookform[]>> = {
  410001: [
    { id: 841001, title: 'Colour consultations', isDefault: false, url: 'https://n841001.alteg.io/' },
    { id: 841002, title: 'Online booking', isDefault: true, url: 'https://n841002.alteg.io/' },
  ],
  410002: [{ id: 841003, title: 'Онлайн-запись', isDefault: true, url: 'https://n841003.alteg.io/' }],
};
