import { baseCompile } from '@intlify/message-compiler';
import { describe, expect, it } from 'vitest';
import { en, LANGUAGES, MESSAGES, PLURAL_FORMS, type MessageKey } from '../../../src/shared/i18n';

const KEYS = Object.keys(en) as MessageKey[];

/** Split on the plural bar (vue-i18n's syntax; a literal bar is written {'|'}, which has no bare bar). */
function forms(message: string): string[] {
  return message.split('|');
}

function placeholders(form: string): string[] {
  return [...form.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]!).sort();
}

function compileErrors(message: string): string[] {
  const errors: string[] = [];
  baseCompile(message, { onError: (e) => errors.push(e.message) });
  return errors;
}

describe('messages: every language has every key, with the same placeholders', () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      const messages = MESSAGES[lang] as Record<string, string | undefined>;

      it('has every English key and no other', () => {
        const missing = KEYS.filter((k) => typeof messages[k] !== 'string' || messages[k]!.trim() === '');
        const extra = Object.keys(messages).filter((k) => !(k in en));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('keeps each message’s placeholders, in every plural form', () => {
        const wrong: string[] = [];
        for (const k of KEYS) {
          const m = messages[k];
          if (m === undefined) continue;
          const want = placeholders(forms(en[k])[0]!);
          for (const form of forms(m)) {
            // A plural form may drop {count} ("одна услуга"), never add or lose another name.
            const got = placeholders(form).filter((p) => p !== 'count');
            if (got.join() !== want.filter((p) => p !== 'count').join()) wrong.push(`${k}: "${form}"`);
          }
        }
        expect(wrong).toEqual([]);
      });

      it('gives plurals as many forms as the language has (and none elsewhere)', () => {
        const wrong: string[] = [];
        for (const k of KEYS) {
          const m = messages[k];
          if (m === undefined) continue;
          const plural = forms(en[k]).length > 1;
          const want = plural ? PLURAL_FORMS[lang].length : 1;
          if (forms(m).length !== want) wrong.push(`${k}: ${forms(m).length} forms, want ${want}`);
        }
        expect(wrong).toEqual([]);
      });

      it('compiles under vue-i18n’s message syntax (a stray @ or brace would break a screen)', () => {
        const broken = KEYS.filter((k) => messages[k] !== undefined && compileErrors(messages[k]!).length > 0);
        expect(broken).toEqual([]);
      });
    });
  }

  it('English plurals are "one|other"', () => {
    for (const k of KEYS) expect(forms(en[k]).length, k).toBeLessThanOrEqual(2);
  });

  it('catches what it is meant to catch', () => {
    expect(compileErrors('mail me@home')).not.toEqual([]);
    expect(placeholders('{count} услуга у {name}')).toEqual(['count', 'name']);
  });
});

describe('pseudo-locale', () => {
  it('is every English message, accented, bracketed and at least 40 % longer, placeholders kept', async () => {
    const { pseudoMessages } = await import('../../../src/shared/i18n/pseudo');
    const pseudo = pseudoMessages();
    for (const k of KEYS) {
      const p = pseudo[k];
      expect(compileErrors(p), k).toEqual([]);
      expect(forms(p).length, k).toBe(forms(en[k]).length);
      forms(p).forEach((form, i) => {
        expect(form.startsWith('[') && form.endsWith(']'), form).toBe(true);
        expect(placeholders(form), k).toEqual(placeholders(forms(en[k])[i]!));
        expect(form.length, k).toBeGreaterThanOrEqual(Math.ceil(forms(en[k])[i]!.length * 1.4));
      });
    }
    expect(pseudo['nav.catalogue']).toMatch(/^\[Çàţàĺöĝûé ẋ/);
  });
});
