import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAltegioClient } from '../../../src/main/altegio';
import { createReportsDomain } from '../../../src/main/services/reports';
import { makeTestContext, type TestContext } from '../../support/context';
import { fixtureJson } from './fixtures';
import { LOC, NEW_YORK, RecordingPrintPort } from './setup';

/**
 * The report service with the real Altegio client over real HTTP, against a minimal stand-in for
 * Altegio's z_report endpoint on 127.0.0.1: what goes on the wire, and what comes back from errors.
 */

interface Stub {
  url: string;
  requests: URL[];
  answer: { status: number; body: unknown };
  close(): Promise<void>;
}

async function startStub(): Promise<Stub> {
  const requests: URL[] = [];
  const stub = { answer: { status: 200, body: fixtureJson('z_report.json') as unknown } };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    res.writeHead(stub.answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stub.answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })),
  });
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function make(): Promise<{ t: TestContext; stub: Stub; reports: ReturnType<typeof createReportsDomain> }> {
  const stub = await startStub();
  cleanup.push(() => stub.close());
  const client = createAltegioClient({
    baseUrl: stub.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: 'partner-token-test', userToken: 'user-token-test' }),
    retries: 0,
    timeoutMs: 2_000,
  });
  const t = makeTestContext({ altegio: client });
  cleanup.push(() => t.close());
  const reports = createReportsDomain(t.ctx, {
    locations: { getLocation: (id) => (id === LOC ? NEW_YORK : null) },
    print: new RecordingPrintPort(),
  });
  return { t, stub, reports };
}

describe('day-end report over HTTP', () => {
  it("asks for the location's day as dd.mm.yyyy, with the member filter, and parses the seed", async () => {
    const { t, stub, reports } = await make();
    t.clock.set('2026-03-24T03:30:00Z'); // 23:30 on 23 March in New York
    const r = await reports.handlers['reports.dayEnd']({ locationId: LOC, staffId: 321123 });
    expect(stub.requests).toHaveLength(1);
    const sent = stub.requests[0]!;
    expect(sent.pathname).toBe(`/reports/z_report/${LOC}`);
    expect(sent.searchParams.get('start_date')).toBe('23.03.2026');
    expect(sent.searchParams.get('master_id')).toBe('321123');
    expect(r).toMatchObject({ date: '2026-03-23', currency: 'USD', staffName: 'Robert Brown' });
    expect(r.visits[0]?.masters[0]?.operations).toHaveLength(3);
    expect(r.totals.accounts).toBe(2657.13);
  });

  it('reads the live empty day (z_data: [], currency "₸")', async () => {
    const { stub, reports } = await make();
    stub.answer = { status: 200, body: fixtureJson('z_report_empty.json') };
    const r = await reports.handlers['reports.dayEnd']({ locationId: LOC, date: '2026-03-23' });
    expect(stub.requests[0]!.searchParams.get('start_date')).toBe('23.03.2026');
    expect(r.visits).toEqual([]);
    expect(r.currency).toBe('₸');
  });

  it("passes Altegio's 403 message through as FORBIDDEN", async () => {
    const { stub, reports } = await make();
    stub.answer = { status: 403, body: fixtureJson('error_403_license.json') };
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: '2026-03-23' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'It is necessary to renew the license in the branch with id: 37532',
    });
  });

  it('reprints the cached copy when the server is gone, and says so when there is none', async () => {
    const { stub, reports } = await make();
    await reports.handlers['reports.dayEnd']({ locationId: LOC, date: '2026-03-23' });
    await stub.close(); // connection refused from now on
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: '2026-03-23' })).resolves.toMatchObject({
      fromCache: true,
      date: '2026-03-23',
    });
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: '2026-03-22' })).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringMatching(/never fetched on this desk/),
    });
  });

  it('reprints the cached copy when Altegio answers 500', async () => {
    const { stub, reports } = await make();
    await reports.handlers['reports.dayEnd']({ locationId: LOC, date: '2026-03-23' });
    stub.answer = { status: 500, body: { success: false, data: null, meta: { message: 'Server error' } } };
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: '2026-03-23' })).resolves.toMatchObject({
      fromCache: true,
    });
  });
});
