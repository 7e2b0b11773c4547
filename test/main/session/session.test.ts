import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { Secrets } from '../../../src/main/secrets';
import { makeServices, type TestServices } from '../../support/services';

const user = DEMO_USERS[0]!;

/** Every byte the app wrote to disk in its data folder (DB, WAL, logs, media), as text. */
function everythingOnDisk(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(readFileSync(p).toString('latin1'));
    }
  };
  walk(dir);
  return out.join('\n');
}

describe('session against the demo server with the real keychain', () => {
  let demo: DemoServer;
  let t: TestServices;
  let keychainService: string;

  beforeEach(async () => {
    demo = await startDemoServer();
    keychainService = `front-desk-session-${process.pid}-${Date.now()}`;
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService });
  });
  afterEach(async () => {
    await t.services.session.signOut().catch(() => undefined);
    await t.services.close();
    await demo.close();
  });

  it('wrong password → AUTH_REQUIRED with Altegio’s message, nothing stored', async () => {
    const res = await t.call('session.signIn', { environment: 'demo', login: user.login, password: 'wrong-password' });
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(!res.ok && res.error.message.length).toBeGreaterThan(5);
    expect(await new Secrets(keychainService).getUser('demo', user.id)).toBeNull();
    expect(await t.call('session.current')).toEqual({ ok: true, data: null });
  });

  it('sign-in keeps the token in the keychain only: not in results, logs or SQLite', async () => {
    const res = await t.call('session.signIn', { environment: 'demo', login: user.login, password: user.password });
    expect(res).toMatchObject({ ok: true, data: { name: user.name, environment: 'demo' } });
    const stored = await new Secrets(keychainService).getUser('demo', user.id);
    expect(stored?.userToken).toBeTruthy();
    const token = stored!.userToken;

    const results = [res, await t.call('session.current'), await t.call('settings.get'), await t.call('app.info')];
    await t.call('sync.run');
    results.push(await t.call('catalog.locations'), await t.call('sync.status'));
    expect(JSON.stringify(results)).not.toContain(token);
    expect(JSON.stringify(results)).not.toContain(user.password);

    t.services.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const disk = everythingOnDisk(t.userData);
    expect(readFileSync(t.logFile, 'utf8')).toMatch(/signed in/);
    expect(disk).not.toContain(token);
    expect(disk).not.toContain(user.password);
    // And not in any SQLite row either (checked through SQL, not only the raw bytes).
    const dump = execFileSync('node', ['-e', `
      const D=require('better-sqlite3'); const db=new D(process.argv[1],{readonly:true});
      const out=[]; for (const {name} of db.prepare("select name from sqlite_master where type='table'").all())
        out.push(JSON.stringify(db.prepare('select * from "'+name+'"').all(), (k,v)=>Buffer.isBuffer(v)?v.toString('latin1'):v));
      console.log(out.join('\\n'));`, join(t.userData, 'front-desk.sqlite')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump.length).toBeGreaterThan(100);
    expect(dump).not.toContain(token);
  });

  it('a 401 later ends the session: session-expired emitted, keychain entry gone', async () => {
    await t.call('session.signIn', { environment: 'demo', login: user.login, password: user.password });
    const expired: { message: string; login?: string | null }[] = [];
    t.services.events.on('session-expired', (p) => expired.push(p));
    demo.faults.set({ mode: 'unauthorized' });
    const res = await t.call('sync.run');
    expect(JSON.stringify(res)).toMatch(/AUTH_REQUIRED/);
    await new Promise((r) => setTimeout(r, 50));
    expect(expired).toHaveLength(1);
    // The sign-in form keeps who it was (never the password).
    expect(expired[0]!.login).toBe(user.login);
    expect(JSON.stringify(expired)).not.toContain(user.password);
    expect(await new Secrets(keychainService).getUser('demo', user.id)).toBeNull();
    expect(await t.call('session.current')).toEqual({ ok: true, data: null });
  });

  it('sign-out removes the user token; a restart resumes a kept session', async () => {
    await t.call('session.signIn', { environment: 'demo', login: user.login, password: user.password });
    await t.services.close();
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService, userData: t.userData });
    await t.services.start();
    expect(await t.call('session.current')).toMatchObject({ ok: true, data: { name: user.name } });
    expect(await t.call('session.signOut')).toEqual({ ok: true, data: null });
    expect(await new Secrets(keychainService).getUser('demo', user.id)).toBeNull();
  });

  it('without a partner token a live environment says NOT_CONFIGURED', async () => {
    const res = await t.call('session.signIn', { environment: 'altegio', login: user.login, password: user.password });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
  });

  it('the partner token is write-only: settings show only that one is set', async () => {
    const set = await t.call('settings.setPartnerToken', { token: 'partner-secret-0001' });
    expect(set).toMatchObject({ ok: true, data: { partnerToken: { set: true, source: 'keychain' } } });
    expect(JSON.stringify(await t.call('settings.get'))).not.toContain('partner-secret-0001');
    expect(await t.call('settings.setPartnerToken', { token: null })).toMatchObject({ ok: true, data: { partnerToken: { set: false } } });
  });
});
