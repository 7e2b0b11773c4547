import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../../src/main/altegio';
import { bookformsSchema } from '../../../src/main/altegio/bookforms-client';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';

/** The description's own example of GET /company/{id} (company_get_response_data_types), trimmed. */
const DESCRIBED = {
  id: 37532,
  title: 'James Smith LLC',
  timezone_name: 'America/New_York',
  bookforms: [
    { id: 19203, title: 'James Smith LLC location appointment form', is_default: 0, url: 'https://n19203.alteg.io/' },
  ],
};

describe('bookforms in GET /company/{id}?showBookforms=1', () => {
  it('reads the forms as the description gives them', () => {
    expect(bookformsSchema.parse(DESCRIBED)).toEqual([
      {
        id: 19203,
        title: 'James Smith LLC location appointment form',
        isDefault: false,
        url: 'https://n19203.alteg.io/',
      },
    ]);
  });

  it('an answer without bookforms, or with an empty list, or junk in its place, means no form', () => {
    const { bookforms: _drop, ...without } = DESCRIBED;
    expect(bookformsSchema.parse(without)).toEqual([]);
    expect(bookformsSchema.parse({ ...DESCRIBED, bookforms: [] })).toEqual([]);
    expect(bookformsSchema.parse({ ...DESCRIBED, bookforms: null })).toEqual([]);
    expect(bookformsSchema.parse({ ...DESCRIBED, bookforms: {} })).toEqual([]);
  });

  it('is_default as 0/1, "1" or a boolean; ids as strings; a title may be missing', () => {
    const forms = bookformsSchema.parse({
      bookforms: [
        { id: '5', title: 'Main', is_default: '1', url: 'https://n5.alteg.io/' },
        { id: 6, is_default: true, url: 'http://n6.alteg.io' },
        { id: 7, title: 'Other', url: 'https://n7.alteg.io/' },
      ],
    });
    expect(forms).toEqual([
      { id: 5, title: 'Main', isDefault: true, url: 'https://n5.alteg.io/' },
      { id: 6, title: '', isDefault: true, url: 'http://n6.alteg.io' },
      { id: 7, title: 'Other', isDefault: false, url: 'https://n7.alteg.io/' },
    ]);
  });

  it('a form that could not send a client anywhere is left out, not the whole list', () => {
    const forms = bookformsSchema.parse({
      bookforms: [
        { id: 1, title: 'Script', is_default: 1, url: 'javascript:alert(1)' },
        { id: 2, title: 'No address', is_default: 0 },
        { id: 3, title: 'Relative', url: '/booking' },
        { title: 'No id', url: 'https://n4.alteg.io/' },
        'junk',
        { id: 8, title: 'Good', is_default: 0, url: ' https://n8.alteg.io/ ' },
      ],
    });
    expect(forms).toEqual([{ id: 8, title: 'Good', isDefault: false, url: 'https://n8.alteg.io/' }]);
  });

  it('a 2xx without a location object is refused, not read as "no form"', () => {
    expect(bookformsSchema.safeParse(null).success).toBe(false);
  });
});

describe('the client and the demo server', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer();
  });
  afterAll(() => demo.close());

  const client = () =>
    createAltegioClient({
      baseUrl: demo.url,
      vendor: 'altegio',
      credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: DEMO_USERS[0]!.userToken }),
      retries: 0,
      limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
    });

  it('asks with showBookforms=1 and reads the location’s forms; a location without any answers []', async () => {
    const api = client();
    expect(await api.bookforms(410001)).toEqual([
      { id: 841001, title: 'Colour consultations', isDefault: false, url: 'https://n841001.alteg.io/' },
      { id: 841002, title: 'Online booking', isDefault: true, url: 'https://n841002.alteg.io/' },
    ]);
    expect(await api.bookforms(410003)).toEqual([]);
    const asked = demo.received.requests.filter((r) => /\/company\/41000[13]\?/.test(r.path));
    expect(asked.map((r) => new URL(r.path, 'http://x').searchParams.get('showBookforms'))).toEqual(['1', '1']);
  });

  it('the demo sends bookforms only when asked, as Altegio does', async () => {
    const res = await fetch(`${demo.url}/company/410001`, {
      headers: { Accept: 'application/vnd.api.v2+json', Authorization: `Bearer ${DEMO_PARTNER_TOKEN}` },
    });
    const body = (await res.json()) as { data: Record<string, unknown> };
    expect(body.data).not.toHaveProperty('bookforms');
    const asked = await fetch(`${demo.url}/company/410003?showBookforms=1`, {
      headers: { Accept: 'application/vnd.api.v2+json', Authorization: `Bearer ${DEMO_PARTNER_TOKEN}` },
    });
    expect(((await asked.json()) as { data: Record<string, unknown> }).data['bookforms']).toEqual([]);
  });
});
