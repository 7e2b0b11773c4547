import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeElectronMock } from './electron-mock';

const electron = makeElectronMock();
vi.mock('electron', () => electron.module);

const { APP_INDEX_URL, createAppFileHandler, originOf, resolveAppFile } =
  await import('../../../src/main/shell/app-files');
const { createTrustedUrlCheck } = await import('../../../src/main/shell/trusted');
const { contentSecurityPolicy } = await import('../../../src/main/shell/security');
const { registerPrivilegedSchemes, handleAppProtocol } = await import('../../../src/main/shell/app-protocol');

const root = mkdtempSync(join(tmpdir(), 'front-desk-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Front Desk</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, '..', 'secret.txt.js'), 'no');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('trust is origin equality (the Windows file:// comparison bug)', () => {
  const isAppUrl = createTrustedUrlCheck();

  it('trusts any page of app://front-desk, whatever its path, hash or case', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://front-desk/index.html#/catalogue')).toBe(true);
    expect(isAppUrl('app://FRONT-DESK/')).toBe(true);
  });

  it('trusts no file:// page at all: a Windows path spelled two ways no longer decides anything', () => {
    // The old check compared pathToFileURL(index).href with the frame URL as strings; Chromium
    // reports file:///C:/Program%20Files/… while Node may spell the drive c: — never equal.
    expect(isAppUrl('file:///C:/Program%20Files/Front%20Desk/resources/app.asar/out/renderer/index.html')).toBe(false);
    expect(isAppUrl(pathToFileURL('/app/out/renderer/index.html').href)).toBe(false);
  });

  it('refuses look-alikes and foreign origins', () => {
    for (const url of [
      'app://front-desk.evil/',
      'app://evil/',
      'https://front-desk/',
      'app-media://media/x.jpg',
      'about:srcdoc',
      'null',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppUrl(null)).toBe(false);
  });

  it('in development trusts the dev server origin too, and only it', () => {
    const dev = createTrustedUrlCheck({ devServerUrl: 'http://localhost:5173/' });
    expect(dev('http://localhost:5173/#/team')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev(APP_INDEX_URL)).toBe(true);
  });

  it('compares custom-scheme origins itself (WHATWG gives "null" for them)', () => {
    expect(new URL('app://front-desk/x').origin).toBe('null');
    expect(originOf('app://front-desk/x')).toBe('app://front-desk');
  });
});

describe('app:// file mapping', () => {
  it('maps the root and files inside out/renderer', () => {
    expect(resolveAppFile(root, 'app://front-desk/')?.file).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://front-desk/assets/index-abc.js')).toEqual({
      file: join(root, 'assets', 'index-abc.js'),
      type: 'text/javascript; charset=utf-8',
    });
  });

  it('never leaves out/renderer: dot segments are folded by the URL parser, inside the root', () => {
    for (const url of [
      'app://front-desk/../secret.txt.js',
      'app://front-desk/%2e%2e/secret.txt.js',
      'app://front-desk/assets/../../../secret.txt.js',
    ]) {
      const hit = resolveAppFile(root, url);
      expect(hit?.file ?? join(root, 'x'), url).toMatch(
        new RegExp(`^${root.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[/\\\\]`),
      );
      expect(hit?.file).not.toBe(join(root, '..', 'secret.txt.js'));
    }
  });

  it('refuses encoded separators, NUL, other hosts and unknown types', () => {
    for (const url of [
      'app://front-desk/assets/..%2f..%2fsecret.txt.js',
      'app://front-desk/..%5csecret.txt.js',
      'app://front-desk/index.html%00.js',
      'app://other/index.html',
      'app://front-desk/%E0%A4%A',
      'app://front-desk/package.txt',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });
});

describe('app:// handler', () => {
  const csp = contentSecurityPolicy();
  const handler = createAppFileHandler({ root, csp, read: (f) => readFile(f) });

  it('serves index.html with the CSP as a real header (frame-ancestors only works there)', async () => {
    const res = await handler(new Request(APP_INDEX_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain('<title>Front Desk</title>');
  });

  it('answers 404 for traversal and missing files, 405 for writes', async () => {
    expect((await handler(new Request('app://front-desk/assets/..%2f..%2fsecret.txt.js'))).status).toBe(404);
    expect((await handler(new Request('app://front-desk/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('registers app:// and app-media:// as privileged in one call (a second call would replace the first)', () => {
    registerPrivilegedSchemes();
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const schemes = electron.module.protocol.registerSchemesAsPrivileged.mock.calls[0]![0] as {
      scheme: string;
      privileges: Record<string, boolean>;
    }[];
    expect(schemes.map((s) => s.scheme)).toEqual(['app', 'app-media']);
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    handleAppProtocol(root);
    expect(electron.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('CSP', () => {
  it('the <meta> in index.html (used by the browser bridge) says exactly what the header says', () => {
    const html = readFileSync(join(__dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy());
  });

  it('frames nothing by URL (the preview is srcdoc), no data:/blob: frames, no eval, no remote origins', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("frame-src 'none'");
    expect(csp).not.toMatch(/frame-src[^;]*(data:|blob:)/);
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });
});
