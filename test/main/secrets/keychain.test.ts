import { describe, expect, it } from 'vitest';
import { Secrets, type KeychainBackend } from '../../../src/main/secrets';

// Runs against the real Secret Service (gnome-keyring in a private D-Bus session; scripts/with-keyring.sh).
const service = `front-desk-test-${process.pid}-${Date.now()}`;

describe('secrets in the real OS keychain', () => {
  const secrets = new Secrets(service);

  it('stores, reads, replaces and deletes the partner token', async () => {
    expect(await secrets.getPartnerToken()).toBeNull();
    await secrets.setPartnerToken('partner-token-one-1234');
    expect(await secrets.getPartnerToken()).toBe('partner-token-one-1234');
    await secrets.setPartnerToken('partner-token-two-5678');
    expect(await secrets.getPartnerToken()).toBe('partner-token-two-5678');
    await secrets.setPartnerToken(null);
    expect(await secrets.getPartnerToken()).toBeNull();
  });

  it('keeps each desk user under their own entry, per environment', async () => {
    await secrets.setUser('demo', { userId: 7, name: 'Anna', avatar: null, userToken: 'user-token-demo-7' });
    await secrets.setUser('demo', { userId: 9, name: 'Olga', avatar: null, userToken: 'user-token-demo-9' });
    await secrets.setUser('altegio', { userId: 8, name: 'Bob', avatar: null, userToken: 'user-token-live' });
    expect(await secrets.getUser('demo', 7)).toMatchObject({ userId: 7, userToken: 'user-token-demo-7' });
    expect(await secrets.getUser('demo', 9)).toMatchObject({ userId: 9, userToken: 'user-token-demo-9' });
    expect(await secrets.getUser('altegio', 7)).toBeNull();
    await secrets.deleteUser('demo', 7);
    expect(await secrets.getUser('demo', 7)).toBeNull();
    expect(await secrets.getUser('demo', 9)).toMatchObject({ userId: 9 });
    expect(await secrets.getUser('altegio', 8)).toMatchObject({ userId: 8 });
    await secrets.deleteUser('demo', 9);
    await secrets.deleteUser('altegio', 8);
  });

  it('moves the single entry of an older version to its per-user entry, once', async () => {
    const keytar = (await import('keytar')).default;
    await keytar.setPassword(service, 'user-token:demo', JSON.stringify({ userId: 5, name: 'Old', avatar: null, userToken: 'legacy-t' }));
    expect(await secrets.migrateLegacyUser('demo')).toMatchObject({ userId: 5, userToken: 'legacy-t' });
    expect(await keytar.getPassword(service, 'user-token:demo')).toBeNull();
    expect(await secrets.getUser('demo', 5)).toMatchObject({ userToken: 'legacy-t' });
    expect(await secrets.migrateLegacyUser('demo')).toBeNull();
    await secrets.deleteUser('demo', 5);
  });
});

describe('secrets with no keychain', () => {
  const broken: KeychainBackend = {
    getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  };

  it('gives KEYCHAIN_UNAVAILABLE with a sentence that says what to install', async () => {
    const secrets = new Secrets('x', broken);
    await expect(secrets.getPartnerToken()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await expect(secrets.setUser('demo', { userId: 1, name: 'a', avatar: null, userToken: 't' })).rejects.toThrow(
      process.platform === 'linux' ? /apt install gnome-keyring/ : /./,
    );
  });

  it('writes that sentence for people: no raw Markdown backticks around the command', async () => {
    const error = await new Secrets('x', broken).getPartnerToken().catch((e: Error) => e);
    expect((error as Error).message).not.toContain('`');
  });

  it('without a D-Bus session the real keytar fails (and Secrets turns that into the sentence above)', async () => {
    const { execFileSync } = await import('node:child_process');
    // A bus address that cannot exist makes libsecret fail as it does on a desktop with no keyring.
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "import k from 'keytar'; k.getPassword('x','y').then(()=>console.log('ok'),e=>console.log('err:'+e.message))"],
      { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/front-desk-bus' }, encoding: 'utf8' },
    );
    expect(out).toMatch(/^err:/);
  });
});
