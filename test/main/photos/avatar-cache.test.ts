import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AltegioApi } from '../../../src/main/altegio/types';
import { silentLogger } from '../../../src/main/core/logger';
import { AvatarCache, avatarRelativePath } from '../../../src/main/services/catalog/avatars';
import { solid } from './images';

const LOC = 7;
const api = (bodies: Record<string, Uint8Array>) =>
  ({ download: async (url: string) => bodies[url] ?? Promise.reject(new Error('404')) }) as unknown as AltegioApi;

describe('AvatarCache (issue 16.3)', () => {
  it('caches only bytes that are a picture: an HTML page answered 200 is not stored as a member’s photo', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fd-avatars-'));
    const cache = new AvatarCache(root, silentLogger());
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>Captive portal: please log in</body></html>');
    const jpeg = await solid(100, 100, 'jpeg');
    const got = await cache.fetch(
      api({ 'https://x/a.jpg': html, 'https://x/b.jpg': jpeg }),
      LOC,
      [
        { id: 1, url: 'https://x/a.jpg' },
        { id: 2, url: 'https://x/b.jpg' },
      ],
      new Map(),
    );
    expect(got.get(1)).toBeNull();
    expect(existsSync(join(root, avatarRelativePath(LOC, 1, 'https://x/a.jpg')))).toBe(false);
    expect(got.get(2)).toBe(avatarRelativePath(LOC, 2, 'https://x/b.jpg'));
    expect(readdirSync(join(root, 'staff', String(LOC)))).toHaveLength(1);

    // The next sync fetches the real picture (nothing stale was kept under the URL's name).
    const later = await cache.fetch(
      api({ 'https://x/a.jpg': jpeg }),
      LOC,
      [{ id: 1, url: 'https://x/a.jpg' }],
      new Map(),
    );
    expect(later.get(1)).toBe(avatarRelativePath(LOC, 1, 'https://x/a.jpg'));
  });

  it('keeps the previous copy when the new URL answers with something that is not a picture', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fd-avatars-'));
    const cache = new AvatarCache(root, silentLogger());
    const old = await cache.fetch(
      api({ 'https://x/old.png': await solid(50, 50, 'png') }),
      LOC,
      [{ id: 3, url: 'https://x/old.png' }],
      new Map(),
    );
    const got = await cache.fetch(
      api({ 'https://x/new.jpg': new TextEncoder().encode('{"success":false}') }),
      LOC,
      [{ id: 3, url: 'https://x/new.jpg' }],
      old,
    );
    expect(got.get(3)).toBe(old.get(3));
  });
});
