import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES } from '../../../src/shared/i18n';
import { setLanguage } from '../../../src/renderer/src/i18n';
import { errorText } from '../../../src/renderer/src/i18n/errors';

afterEach(() => setLanguage('en'));

describe('a connection something stands in between (issue 20, item 2)', () => {
  it('gets its own sentence naming antivirus / proxy in every desk language, not "no internet"', () => {
    const error = { code: 'OFFLINE', message: 'x', details: { reason: 'intercepted' } } as const;
    for (const lang of LANGUAGES) {
      setLanguage(lang);
      expect(errorText(error)).toBe(MESSAGES[lang]['error.intercepted']);
      expect(errorText(error)).not.toBe(MESSAGES[lang]['error.OFFLINE']);
    }
    setLanguage('en');
    expect(errorText({ code: 'OFFLINE', message: 'x' })).toBe(MESSAGES.en['error.OFFLINE']);
  });
});
