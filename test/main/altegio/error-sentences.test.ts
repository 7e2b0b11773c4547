import { describe, expect, it } from 'vitest';
import { mapAltegioError } from '../../../src/main/altegio/errors';

describe('an HTTP status Front Desk has no sentence for', () => {
  it.each([405, 406, 409, 410, 415])('%i reads as a sentence; the status stays in the details for the log', (status) => {
    const e = mapAltegioError(status, undefined, { endpoint: 'GET /tips/{id}/settings/{settings_id}/enable' });
    expect(e.code).toBe('UPSTREAM');
    expect(e.message).not.toMatch(/\d{3}|unexpected error/i);
    expect(e.message).toMatch(/^[A-Z].+\.$/);
    expect(e.details).toMatchObject({ status, endpoint: 'GET /tips/{id}/settings/{settings_id}/enable' });
  });

  it('Altegio’s own message is still preferred', () => {
    const e = mapAltegioError(405, { success: false, meta: { message: 'Method not allowed here' } }, { endpoint: 'x' });
    expect(e.message).toBe('Method not allowed here');
  });
});
