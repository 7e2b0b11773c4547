import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { checkCustomUrl } from '../../../src/main/services/session/session-service';
import { makeServices, type TestServices } from '../../support/services';

const user = DEMO_USERS[0]!;

describe('custom Altegio addresses', () => {
  it('must be https; plain http only on loopback', () => {
    expect(() => checkCustomUrl('http://other.example/api/v1')).toThrow(/https/);
    expect(() => checkCustomUrl('ftp://x.example')).toThrow(/https/);
    expect(() => checkCustomUrl('not a url')).toThrow(/https/);
    expect(() => checkCustomUrl('https://u:p@x.example')).toThrow(/user name/);
    expect(checkCustomUrl('https://api.example.com/api/v1/')).toBe('https://api.example.com/api/v1');
    expect(checkCustomUrl('http://127.0.0.1:8080/api/v1')).toBe('http://127.0.0.1:8080/api/v1');
    expect(checkCustomUrl('http://localhost:8080')).toBe('http://localhost:8080');
  });
});

describe('the user token stays with the server that issued it', () => {
  let a: DemoServer;
  let b: DemoServer;
  let t: TestServices;
  beforeEach(async () => {
    a = await startDemoServer();
    b = await startDemoServer();
    t = await makeServices({ altegioBaseUrl: '', keychainService: `front-desk-env-${process.pid}-${Date.now()}` });
    await t.call('settings.setPartnerToken', { token: DEMO_PARTNER_TOKEN });
    await t.call('settings.environment', { id: 'custom', customUrl: a.url });
    const res = await t.call('session.signIn', { environment: 'custom', login: user.login, password: user.password });
    expect(res).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await t.services.session.signOut().catch(() => undefined);
    await t.call('settings.setPartnerToken', { token: null });
    await t.services.close();
    await a.close();
    await b.close();
  });

  it('an http address on another host is refused while signed in, and the session is unchanged', async () => {
    const res = await t.call('settings.environment', { id: 'custom', customUrl: 'http://other.example/api/v1' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('session.current')).toMatchObject({ ok: true, data: { environment: 'custom' } });
  });

  it('changing the custom address ends the session; the token never reaches the new host', async () => {
    const expired: string[] = [];
    t.services.events.on('session-expired', (p) => expired.push(p.message));
    const res = await t.call('settings.environment', { id: 'custom', customUrl: b.url });
    expect(res).toMatchObject({ ok: true });
    expect(await t.call('session.current')).toEqual({ ok: true, data: null });
    expect(expired).toHaveLength(1);
    expect(await t.call('sync.run')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(b.received.requests.filter((r) => r.auth === 'user')).toEqual([]);
  });

  it('a client whose address no longer matches the session sends no user token', async () => {
    // As if the environment were changed behind the session's back (e.g. a stale client).
    expect(() => t.services.session.credentialsFor(new URL(b.url).origin)).toThrow(/another Altegio address/);
    expect(t.services.session.credentialsFor(new URL(a.url).origin).userToken).toBeTruthy();
  });
});
