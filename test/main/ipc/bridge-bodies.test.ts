import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import type { Services } from '../../../src/main/container';
import { createBridgeServices } from '../../e2e/bridge/app-services';
import { memoryKeychain } from '../../e2e/bridge/memory-keychain';
import { startBridge, type Bridge } from '../../e2e/bridge/server';

let services: Services;
let bridge: Bridge;
beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'bridge-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><script></script>');
  services = await createBridgeServices({ keychainBackend: memoryKeychain(), log: silentLogger() });
  bridge = await startBridge({ services, rendererDir });
});
afterAll(async () => {
  await bridge.close();
  await services.close();
});

/** Posts raw bytes as the page would (same Origin), and returns status and body text. */
function post(channel: string, body: Buffer | string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${bridge.url}/__bridge/call/${channel}`,
      { method: 'POST', headers: { origin: bridge.url, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the browser bridge answers bodies it cannot read with the typed envelope', () => {
  const cases: [string, () => string | Buffer][] = [
    ['bad JSON', () => '{"echo": '],
    ['bad base64', () => '{"__bytes":"***not base64***"}'],
    ['very deep JSON', () => '['.repeat(200_000) + ']'.repeat(200_000)],
    ['a 41 MB body', () => Buffer.alloc(41 * 1024 * 1024, 0x20)],
  ];

  it.each(cases)('%s → INVALID_INPUT with a sentence', async (_name, body) => {
    const res = await post('app.ping', body());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const envelope = JSON.parse(res.text) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(envelope.error.message.length).toBeGreaterThan(10);
  });

  it('deep but parseable arguments are refused by the router, not a crash', async () => {
    const res = await post('app.ping', '{"echo":' + '['.repeat(5_000) + ']'.repeat(5_000) + '}');
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('a good call still works', async () => {
    const res = await post('app.ping', '{"echo":"hi"}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, data: { echo: 'hi' } });
  });
});
