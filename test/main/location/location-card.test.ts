import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../../src/main/altegio';
import { recordRights } from '../../../src/main/services/catalog/location-rights';
import { createLocationDomain, type LocationDomain } from '../../../src/main/services/location';
import type { LocationCard } from '../../../src/shared/domain/location';
import { AppError, isAppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';

/** The location card wired as in the app (real client, real SQLite) against the demo server. */
const MANAGER = DEMO_USERS.find((u) => u.login === 'demo@frontdesk.app')!;
const DESK = DEMO_USERS.find((u) => u.login === 'desk@frontdesk.app')!;
const NY = 410001;

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const open: { t: TestContext; d: LocationDomain }[] = [];
const audit: string[] = [];
afterEach(() => {
  demo.faults.clear();
  audit.length = 0;
  for (const o of open.splice(0)) {
    o.d.close?.();
    o.t.close();
  }
});

function desk(user: typeof MANAGER, opts: { dir?: string; offline?: boolean } = {}) {
  const client = createAltegioClient({
    baseUrl: demo.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: user.userToken }),
    retries: 0,
    timeoutMs: 3_000,
    limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
  });
  const net = { offline: opts.offline ?? false };
  const t = makeTestContext({
    userId: user.id,
    userName: user.name,
    ...(opts.dir ? { dir: opts.dir } : {}),
    altegio: async () => {
      if (net.offline) throw new AppError('OFFLINE', 'No connection.');
      return client;
    },
  });
  recordRights(t.ctx.settings, t.ctx.currentUser()!, [NY]);
  const d = createLocationDomain(t.ctx, {
    audit: (_a, detail, who) => audit.push(`${who.name}: ${detail}`),
    location: () => null,
    tickMs: 3_600_000,
  });
  open.push({ t, d });
  return { t, d, net };
}

const company = () => demo.dataset.locations.find((l) => l.company.id === NY)!.company;
const puts = () =>
  demo.received.requests.filter((r) => r.method === 'PUT' && r.path === `/api/v1/company/${NY}`).length;
const NEW_PHONE = '+1 212 555 0199';

async function edit(d: LocationDomain, card: LocationCard, changes: Record<string, string | string[]>) {
  return d.handlers['location.update']({ locationId: NY, base: card.fields!, changes });
}

describe('the location card against the demo server (issue 22 §3)', () => {
  it('a manager reads it with phones and may edit; a receptionist sees it read-only', async () => {
    const card = await desk(MANAGER).d.handlers['location.card']({ locationId: NY });
    expect(card.fields).toMatchObject({ title: company().title, zip: company().zip, phones: company().phones });
    expect(card.rights).toEqual({ edit: true, editDescription: true, readOnlyReason: null });
    expect(card.country).toBe('US');
    const r = await desk(DESK).d.handlers['location.card']({ locationId: NY });
    expect(r.fields?.title).toBe(company().title);
    expect(r.rights).toMatchObject({ edit: false, readOnlyReason: 'no-rights' });
  });

  it('sends the whole object with only the phone changed: what the desk does not show is kept', async () => {
    const { d } = desk(MANAGER);
    const card = await d.handlers['location.card']({ locationId: NY });
    const before = structuredClone(company());
    const item = await edit(d, card, { phones: [NEW_PHONE] });
    expect(item.state).toBe('sent');
    expect(company().phones).toEqual(['12125550199']);
    expect(company().coordinate).toEqual(before.coordinate);
    expect(company().title).toBe(before.title);
    expect(company().shortDescr).toBe(before.shortDescr);
    expect(audit.some((a) => a.includes('sent') && a.includes('phones') && a.startsWith(MANAGER.name))).toBe(true);
    company().phones = before.phones;
  });

  it('a field changed on Altegio since the form opened, and by the manager too, stops as a conflict', async () => {
    const { d } = desk(MANAGER);
    const card = await d.handlers['location.card']({ locationId: NY });
    const old = company().zip;
    company().zip = '10099'; // someone in Altegio's web app
    const n = puts();
    const item = await edit(d, card, { zip: '10013' });
    expect(item.state).toBe('conflict');
    expect(item.conflicts).toEqual(['zip']);
    expect(item.theirs?.zip).toBe('10099');
    expect(puts()).toBe(n);
    // "Send mine": re-based on Altegio's copy, then sent.
    const mine = await d.handlers['location.resolve']({ id: item.id, keep: 'mine' });
    expect(mine?.state).toBe('sent');
    expect(company().zip).toBe('10013');
    company().zip = old;
  });

  it('a change on Altegio to another field is no conflict, and the merge keeps it', async () => {
    const { d } = desk(MANAGER);
    const card = await d.handlers['location.card']({ locationId: NY });
    const old = { site: company().site, address: company().address };
    company().site = 'new-site.example';
    const item = await edit(d, card, { address: '12 Mercer Street' });
    expect(item.state).toBe('sent');
    expect(company().site).toBe('new-site.example');
    expect(company().address).toBe('12 Mercer Street');
    Object.assign(company(), old);
  });

  it('“keep Altegio’s” drops the edit and says so on the audit list', async () => {
    const { d } = desk(MANAGER);
    const card = await d.handlers['location.card']({ locationId: NY });
    const old = company().title;
    company().title = 'Theirs';
    const item = await edit(d, card, { title: 'Mine' });
    expect(item.state).toBe('conflict');
    expect(await d.handlers['location.resolve']({ id: item.id, keep: 'theirs' })).toBeNull();
    expect(company().title).toBe('Theirs');
    expect((await d.handlers['location.card']({ locationId: NY })).pending).toBeNull();
    expect(audit.some((a) => a.includes('Altegio’s copy kept'))).toBe(true);
    company().title = old;
  });

  it('a wrong phone is refused with its reason before anything is queued or sent', async () => {
    const { d } = desk(MANAGER);
    const card = await d.handlers['location.card']({ locationId: NY });
    const n = puts();
    const e = await edit(d, card, { phones: ['+1 212 555'] }).catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('INVALID_INPUT');
    expect((e as AppError).details?.['issues']).toEqual([
      { field: 'phones', rule: 'phone', phone: '+1 212 555', reason: 'tooShort' },
    ]);
    expect(puts()).toBe(n);
    expect((await d.handlers['location.card']({ locationId: NY })).pending).toBeNull();
  });

  it('offline, the local check alone decides; when back, Altegio’s check runs before the PUT', async () => {
    const { d, net } = desk(MANAGER);
    const card = await d.handlers['location.card']({ locationId: NY });
    const old = company().phones;
    net.offline = true;
    expect(await d.handlers['phone.validate']({ phone: '+19175550142' })).toEqual({ valid: null });
    const item = await edit(d, card, { phones: ['(917) 555-0142'] });
    expect(item).toMatchObject({ state: 'pending', changes: { phones: ['+19175550142'] } });
    net.offline = false;
    expect(await d.handlers['phone.validate']({ phone: '+19175550142' })).toEqual({ valid: true });
    const asked = demo.received.requests.filter((r) => r.path.includes('validate_phone')).length;
    const n = puts();
    open[0]!.t.clock.advance(3_600_000);
    await d.flush();
    expect(demo.received.requests.filter((r) => r.path.includes('validate_phone')).length).toBe(asked + 1);
    expect(puts()).toBe(n + 1);
    expect(company().phones).toEqual(['19175550142']);
    company().phones = old;
  });

  it('parallel flushes and parallel edits send one PUT', async () => {
    const { d, net } = desk(MANAGER);
    const card = await d.handlers['location.card']({ locationId: NY });
    net.offline = true;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => edit(d, card, { shortDescr: `Studio ${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    net.offline = false;
    const n = puts();
    open[0]!.t.clock.advance(3_600_000);
    await Promise.all(Array.from({ length: 10 }, () => d.flush()));
    expect(puts()).toBe(n + 1);
  });

  it('a lost answer is confirmed by reading again: nothing is sent twice', async () => {
    const { d } = desk(MANAGER);
    const card = await d.handlers['location.card']({ locationId: NY });
    const old = company().city;
    demo.faults.set({ mode: 'dropAfterAccept', match: new RegExp(`/company/${NY}$`), skip: 1, times: 1 });
    const n = puts();
    const item = await edit(d, card, { city: 'Brooklyn' });
    expect(item.state).toBe('pending');
    expect(company().city).toBe('Brooklyn');
    demo.faults.clear();
    open[0]!.t.clock.advance(3_600_000);
    await d.flush();
    expect(puts()).toBe(n + 1);
    expect((await d.handlers['location.card']({ locationId: NY })).pending).toBeNull();
    company().city = old;
  });

  it('a crash mid-send: the next start reads Altegio’s copy and the edit arrives once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-location-'));
    const first = desk(MANAGER, { dir });
    const card = await first.d.handlers['location.card']({ locationId: NY });
    const old = company().address;
    // The PUT reaches Altegio, then the process dies before the answer is handled.
    demo.faults.set({ mode: 'hang', match: new RegExp(`/company/${NY}$`), skip: 1, times: 1 });
    void edit(first.d, card, { address: '99 Crash Street' }).catch(() => undefined);
    await vi.waitFor(() => expect(company().address).toBe('99 Crash Street'));
    first.d.close?.();
    first.t.close({ keep: true });
    open.splice(open.indexOf(first), 1);
    demo.faults.clear();
    const n = puts();
    const second = desk(MANAGER, { dir });
    await second.d.flush();
    expect(puts()).toBe(n);
    expect((await second.d.handlers['location.card']({ locationId: NY })).pending).toBeNull();
    company().address = old;
  });

  it('a 403 keeps the edit as “needs a manager” (rights never checked, offline since sign-in)', async () => {
    const { d, net } = desk(DESK);
    net.offline = true;
    const card: LocationCard = {
      locationId: NY,
      fields: {
        title: company().title,
        address: company().address,
        zip: company().zip,
        city: company().city,
        phones: company().phones,
        site: company().site,
        shortDescr: company().shortDescr,
        description: '',
        social: { instagram: '', facebook: '', telegram: '', whatsapp: '', viber: '', vk: '' },
      },
      fromAltegio: false,
      readAt: null,
      rights: { edit: false, editDescription: false, readOnlyReason: 'not-checked' },
      country: 'US',
      pending: null,
    };
    const item = await edit(d, card, { site: 'desk.example' });
    expect(item.state).toBe('pending');
    net.offline = false;
    open[0]!.t.clock.advance(3_600_000);
    await d.flush();
    const after = (await d.handlers['location.card']({ locationId: NY })).pending;
    expect(after).toMatchObject({ state: 'needs-manager', lastError: { code: 'FORBIDDEN' } });
    expect(company().site).not.toBe('desk.example');
    expect(audit.some((a) => a.includes('needs a manager'))).toBe(true);
  });

  it('DELETE /company/{id} is never served', async () => {
    const r = await fetch(`${demo.url}/company/${NY}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${DEMO_PARTNER_TOKEN}, User ${MANAGER.userToken}` },
    });
    expect(r.status).toBe(405);
  });
});
