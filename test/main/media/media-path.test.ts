import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openableMediaFile } from '../../../src/main/core/media-path';

function folders() {
  const base = mkdtempSync(join(tmpdir(), 'media-path-'));
  const media = join(base, 'media');
  const outside = join(base, 'secret');
  mkdirSync(join(media, 'staff', '1'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'token.jpg'), 'not for the renderer');
  writeFileSync(join(media, 'staff', '1', '2-ab.jpg'), 'jpeg');
  return { base, media, outside };
}

describe('media served to the renderer stays inside the media folder', () => {
  it('serves a real photo', async () => {
    const { media } = folders();
    expect(await openableMediaFile(media, 'staff/1/2-ab.jpg')).toMatchObject({ type: 'image/jpeg' });
  });

  it('refuses a symlinked file that points outside', async () => {
    const { media, outside } = folders();
    symlinkSync(join(outside, 'token.jpg'), join(media, 'staff', '1', 'evil.jpg'));
    expect(await openableMediaFile(media, 'staff/1/evil.jpg')).toBeNull();
  });

  it('refuses a symlinked folder that points outside', async () => {
    const { media, outside } = folders();
    symlinkSync(outside, join(media, 'staff', 'linked'));
    expect(await openableMediaFile(media, 'staff/linked/token.jpg')).toBeNull();
  });

  it('refuses dot-dot, folders and missing files', async () => {
    const { media } = folders();
    mkdirSync(join(media, 'staff', 'dir.jpg'));
    expect(await openableMediaFile(media, '../secret/token.jpg')).toBeNull();
    expect(await openableMediaFile(media, '%2e%2e/secret/token.jpg')).toBeNull();
    expect(await openableMediaFile(media, 'staff/dir.jpg')).toBeNull();
    expect(await openableMediaFile(media, 'staff/1/none.jpg')).toBeNull();
  });

  it('works when the media folder itself is reached through a link (e.g. a moved profile)', async () => {
    const { base, media } = folders();
    const alias = join(base, 'alias');
    symlinkSync(media, alias);
    expect(await openableMediaFile(alias, 'staff/1/2-ab.jpg')).not.toBeNull();
  });
});
