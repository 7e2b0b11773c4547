import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { inspect, solid } from '../photos/images';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw wire bodies are walked freely in these checks
type Wire = any;

const USER = DEMO_USERS[0]!;
const NY = 410001;
const BOTH = `Bearer ${DEMO_PARTNER_TOKEN}, User ${USER.userToken}`;

/** Raw HTTP, to check the server as Altegio's own docs describe it (the client hides these details). */
async function call(
  demo: DemoServer,
  path: string,
  init: { method?: string; auth?: string | null; body?: FormData | string } = {},
) {
  const headers: Record<string, string> = { Accept: 'application/vnd.api.v2+json' };
  const auth = init.auth === undefined ? BOTH : init.auth;
  if (auth) headers['Authorization'] = auth;
  const res = await fetch(demo.url + path, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body ? { body: init.body } : {}),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json: json as Record<string, Wire>, text, headers: res.headers };
}

describe('demo Altegio server', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => new Date('2026-03-18T15:00:00Z') });
  });
  afterAll(() => demo.close());
  beforeEach(() => demo.faults.clear());

  it('listens on 127.0.0.1 with the API under /api/v1', () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it('POST /auth: 201 with the user token; wrong password 401; missing fields 422', async () => {
    const body = (login: string, password: string) => JSON.stringify({ login, password });
    const partner = `Bearer ${DEMO_PARTNER_TOKEN}`;
    const ok = await fetch(`${demo.url}/auth`, {
      method: 'POST',
      headers: { Authorization: partner, 'Content-Type': 'application/json' },
      body: body(USER.phone.slice(1), USER.password),
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      success: true,
      data: { id: USER.id, user_token: USER.userToken },
      meta: [],
    });
    const bad = await fetch(`${demo.url}/auth`, {
      method: 'POST',
      headers: { Authorization: partner, 'Content-Type': 'application/json' },
      body: body(USER.login, 'nope'),
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ success: false, data: null, meta: { message: 'Incorrect login or password' } });
    const empty = await fetch(`${demo.url}/auth`, {
      method: 'POST',
      headers: { Authorization: partner, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { meta: { errors: object } }).meta.errors).toHaveProperty('login');
  });

  it('token checks: User part with or without the space; PartnerUser endpoints need it', async () => {
    expect(
      (await call(demo, `/staff/${NY}`, { auth: `Bearer ${DEMO_PARTNER_TOKEN},User ${USER.userToken}` })).status,
    ).toBe(200);
    const noUser = await call(demo, `/staff/${NY}`, { auth: `Bearer ${DEMO_PARTNER_TOKEN}` });
    expect(noUser).toMatchObject({
      status: 401,
      json: { success: false, data: null, meta: { message: 'Authentication needed.' } },
    });
    expect((await call(demo, `/staff/${NY}`, { auth: null })).status).toBe(401);
    expect((await call(demo, `/staff/${NY}`, { auth: `Bearer wrong, User ${USER.userToken}` })).status).toBe(401);
    expect((await call(demo, `/license/${NY}`, { auth: `Bearer ${DEMO_PARTNER_TOKEN}` })).status).toBe(200);
  });

  it('/company/{id} uses its own 401 and 404 bodies', async () => {
    expect(await call(demo, `/company/${NY}`, { auth: null })).toMatchObject({
      status: 401,
      json: { errors: { code: 401, message: 'Authentication needed' }, meta: { message: 'Authentication needed.' } },
    });
    expect(await call(demo, '/company/1')).toMatchObject({
      status: 404,
      json: { errors: { code: 404, message: 'Not found' }, meta: { message: 'Not found' } },
    });
    expect(await call(demo, '/staff/1')).toMatchObject({
      status: 404,
      json: { success: false, meta: { message: 'Location not found.' } },
    });
  });

  it('meta shapes follow the docs: [] on lists without totals, total_count and count elsewhere', async () => {
    expect((await call(demo, '/companies?my=1')).json['meta']).toEqual([]);
    expect((await call(demo, `/staff/${NY}`)).json['meta']).toEqual([]);
    const services = await call(demo, `/company/${NY}/services`);
    expect(services.json['meta']).toEqual({ total_count: services.json['data'].length });
    expect(services.json['data'][0].staff[0]).toEqual({ id: expect.any(Number), seance_length: expect.any(Number) });
    expect((await call(demo, `/company/${NY}/service_categories/`)).json['meta']).toHaveProperty('total_count');
    expect((await call(demo, `/tips/${NY}/settings`)).json['meta']).toHaveProperty('count');
    const legacy = await call(demo, `/services/${NY}`);
    expect(legacy.json['meta']).toEqual([]);
    expect(legacy.json['data'][0]).not.toHaveProperty('staff');
  });

  it('staff: position [] when unassigned, no-master default pictures, single member as an array with string numbers', async () => {
    const list = (await call(demo, `/staff/${NY}`)).json['data'] as Record<string, Wire>[];
    const hannah = list.find((m) => m['name'] === 'Hannah Lee')!;
    expect(hannah['avatar']).toMatch(/\/images\/no-master-sm\.png$/);
    expect(hannah['image_group']).toEqual([]);
    const one = await call(demo, `/staff/${NY}/${hannah['id']}`);
    expect(one.json['data']).toHaveLength(1);
    expect(one.json['data'][0]).toMatchObject({ hidden: '1', weight: expect.any(String) });
    expect((await call(demo, `/staff/${NY}/1`)).json['meta']['message']).toBe(
      `Team Member with ID 1 was not found in branch ${NY}.`,
    );
  });

  it('Z-report accepts dd.mm.yyyy and YYYY-MM-DD alike; an empty day has z_data []', async () => {
    const dotted = await call(demo, `/reports/z_report/${NY}?start_date=17.03.2026`);
    const iso = await call(demo, `/reports/z_report/${NY}?start_date=2026-03-17`);
    expect(dotted.status).toBe(200);
    expect(dotted.json).toEqual(iso.json);
    expect(Object.keys(dotted.json['data']['z_data']).length).toBeGreaterThan(0);
    const empty = await call(demo, `/reports/z_report/${NY}?start_date=12.03.2026`);
    expect(empty.json['data']['z_data']).toEqual([]);
    expect(empty.json['data']['paids']['accounts']).toEqual([
      { title: 'Cash', amount: 0 },
      { title: 'Card', amount: 0 },
    ]);
    expect((await call(demo, `/reports/z_report/${NY}?start_date=2026-13-40`)).status).toBe(422);
    expect((await call(demo, `/reports/z_report/${NY}`)).status).toBe(422);
  });

  it('Z-report totals add up from the operations; master_id filters', async () => {
    const r = (await call(demo, `/reports/z_report/${NY}?start_date=16.03.2026`)).json['data'];
    const ops = Object.values(r.z_data as Record<string, Wire[]>)
      .flat()
      .flatMap((c) => c.masters)
      .flatMap((m: Wire) => [...m.service, ...m.good, ...(Array.isArray(m.others) ? [] : [m.others])]);
    const paid = ops.flatMap((o: Wire) => o.transactions).reduce((s: number, t: Wire) => s + t.accounts_amount, 0);
    expect(r.paids.total.accounts).toBeCloseTo(paid, 2);
    const masterId = Object.values(r.z_data as Record<string, Wire[]>)[0]![0].masters[0].master_id;
    const only = (await call(demo, `/reports/z_report/${NY}?start_date=16.03.2026&master_id=${masterId}`)).json['data'];
    const ids = Object.values(only.z_data as Record<string, Wire[]>)
      .flat()
      .flatMap((c) => c.masters.map((m: Wire) => m.master_id));
    expect(new Set(ids)).toEqual(new Set([masterId]));
  });

  it('licence dates are dd.mm.yyyy; phone validation', async () => {
    expect((await call(demo, '/license/410003')).json['data']).toMatchObject({
      deactivation_date: '23.03.2026',
      salon_id: 410003,
      active: 1,
    });
    expect((await call(demo, `/validation/validate_phone/${encodeURIComponent('+13155550175')}`)).json['data']).toEqual(
      { is_valid: true },
    );
    expect((await call(demo, '/validation/validate_phone/123')).json['data']).toEqual({ is_valid: false });
  });

  it('serves real JPEG portraits at the URLs staff objects point to, and PNG default pictures', async () => {
    const list = (await call(demo, `/staff/${NY}`)).json['data'] as Record<string, Wire>[];
    const olivia = list.find((m) => m['name'] === 'Olivia Bennett')!;
    const res = await fetch(olivia['avatar_big']);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const meta = await inspect(Buffer.from(await res.arrayBuffer()));
    expect(meta).toMatchObject({ loader: 'jpegload_buffer', width: 180, height: 220 });
    const png = await fetch(list.find((m) => m['name'] === 'Hannah Lee')!['avatar']);
    expect((await inspect(Buffer.from(await png.arrayBuffer()))).loader).toBe('pngload_buffer');
  });

  it('multipart upload: non-images refused with 422, the trailing-space key in the answer', async () => {
    const member = demo.dataset.locations[0]!.staff[1]!;
    const notImage = new FormData();
    notImage.append('image', new Blob([new TextEncoder().encode('hello')], { type: 'image/jpeg' }), 'x.jpg');
    notImage.append('master_id', String(member.id));
    const refused = await call(demo, '/images/master', { method: 'POST', body: notImage });
    expect(refused.status).toBe(422);
    expect(refused.json['meta']['errors']['image'][0]).toMatch(/jpeg, png/);

    const png = await solid(50, 60, 'png', [255, 0, 0, 255]);
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'me.png');
    form.append('master_id', String(member.id));
    const ok = await call(demo, '/images/master', { method: 'POST', body: form });
    expect(ok.status).toBe(200);
    expect(ok.json['data']).toMatchObject({
      image_binded: true,
      'image_group ': { entity: 'master', entity_id: member.id },
    });
    expect(demo.received.uploads.at(-1)).toMatchObject({
      fileName: 'me.png',
      contentType: 'image/png',
      fields: { master_id: String(member.id) },
    });
    const staff = (await call(demo, `/staff/${NY}`)).json['data'] as Record<string, Wire>[];
    expect(staff.find((m) => m['id'] === member.id)!['image_group']['id']).toBe(ok.json['data']['image_group ']['id']);

    const unknown = new FormData();
    unknown.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'me.png');
    unknown.append('master_id', '999999');
    expect((await call(demo, '/images/master', { method: 'POST', body: unknown })).status).toBe(404);
  });

  it('faults: times counts requests, match filters paths, clear() ends them', async () => {
    demo.faults.set({ mode: 'http500', match: /\/license\//, times: 2 });
    expect((await call(demo, `/staff/${NY}`)).status).toBe(200);
    expect((await call(demo, `/license/${NY}`)).status).toBe(500);
    expect((await call(demo, `/license/${NY}`)).status).toBe(500);
    expect((await call(demo, `/license/${NY}`)).status).toBe(200);
    demo.faults.set({ mode: 'html502' });
    const html = await call(demo, `/staff/${NY}`);
    expect(html.status).toBe(502);
    expect(html.text).toMatch(/<html>/);
    demo.faults.set({ mode: 'rate429' });
    expect((await call(demo, `/staff/${NY}`)).headers.get('retry-after')).toBe('1');
    demo.faults.set({ mode: 'wrongType' });
    expect((await call(demo, `/staff/${NY}`)).json['data'][0]['id']).toEqual({ value: expect.any(Number) });
    demo.faults.clear();
    expect((await call(demo, `/staff/${NY}`)).status).toBe(200);
  });

  it('faults: skip lets the first matching requests through; hang never answers (the request is still seen)', async () => {
    demo.faults.set({ mode: 'http500', match: /\/license\//, skip: 1, times: 1 });
    expect((await call(demo, `/license/${NY}`)).status).toBe(200);
    expect((await call(demo, `/license/${NY}`)).status).toBe(500);
    expect((await call(demo, `/license/${NY}`)).status).toBe(200);
    demo.faults.set({ mode: 'hang', match: /\/license\//, times: 1 });
    const seen = demo.received.requests.length;
    const abort = new AbortController();
    const hung = fetch(`${demo.url}/license/${NY}`, {
      headers: { Authorization: `Bearer ${DEMO_PARTNER_TOKEN}`, Accept: 'application/vnd.api.v2+json' },
      signal: abort.signal,
    });
    // The server has the request; the only way the wait ends is the client giving up.
    while (demo.received.requests.length === seen) await new Promise((r) => setTimeout(r, 5));
    abort.abort();
    await expect(hung).rejects.toThrow();
    expect((await call(demo, `/license/${NY}`)).status).toBe(200);
  });

  it('stop() keeps the state, restart() listens on the same port', async () => {
    const before = demo.received.requests.length;
    await demo.stop();
    await expect(fetch(`${demo.url}/license/${NY}`)).rejects.toThrow();
    await demo.restart();
    expect((await call(demo, `/license/${NY}`)).status).toBe(200);
    expect(demo.received.requests.length).toBe(before + 1);
  });
});
