import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/renderer/src/i18n';
import { tipStatusText } from '../../src/renderer/src/views/today/format';

afterEach(() => setLanguage('en'));

describe('a member’s tips line', () => {
  it('says Altegio’s known codes in the desk’s language, not Altegio’s English title', () => {
    setLanguage('ru');
    const pending = { enabled: true, ready: false, status: 3, statusTitle: 'pending account' };
    expect(tipStatusText(pending)).toBe('Настройка: счёт для выплат не готов');
    expect(tipStatusText(pending)).not.toContain('pending account');
    expect(tipStatusText({ ...pending, enabled: false })).not.toContain('pending');
    setLanguage('pt-BR');
    expect(tipStatusText(pending)).toBe('Configurando: conta de recebimento pendente');
  });

  it('keeps Altegio’s words for a code it has no sentence for, so nothing missing is hidden', () => {
    setLanguage('es');
    expect(tipStatusText({ enabled: true, ready: false, status: 7, statusTitle: 'card blocked' })).toBe(
      'Configurando: card blocked',
    );
  });

  it('on and off', () => {
    expect(tipStatusText({ enabled: true, ready: true, status: 4, statusTitle: 'everything is set' })).toBe(
      tipStatusText({ enabled: true, ready: true, status: null, statusTitle: null }),
    );
    expect(tipStatusText({ enabled: false, ready: true, status: 4, statusTitle: null })).not.toBe(
      tipStatusText({ enabled: true, ready: true, status: 4, statusTitle: null }),
    );
  });
});
