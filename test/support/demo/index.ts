/**
 * The demo server as tests use it: the app's server plus fault injection and request recording, which
 * live here so the installed app does not ship them. Import the demo from here in tests.
 */
import {
  startDemoServer as startAppDemoServer,
  type DemoServer as AppDemoServer,
  type DemoServerOptions,
  type Received as AppReceived,
} from '../../../src/main/demo';
import type { AuthInfo } from '../../../src/main/demo/auth-check';
import { breakTypes, faultResponse } from './fault-responses';
import { FaultController } from './faults';

export * from '../../../src/main/demo';
export { FAULT_MODES, FaultController, type FaultMode, type FaultSpec } from './faults';

export interface ReceivedRequest {
  method: string;
  /** Path with query, as the server saw it, e.g. /api/v1/staff/410001. */
  path: string;
  at: number;
  auth: AuthInfo['kind'];
  /** Whose user token it was (the demo user's id, never the token), so tests can tell who sent what. */
  userId: number | null;
  accept: string | null;
  contentType: string | null;
}

export interface Received extends AppReceived {
  requests: ReceivedRequest[];
}

export interface DemoServer extends AppDemoServer {
  faults: FaultController;
  received: Received;
}

export async function startDemoServer(opts: Omit<DemoServerOptions, 'intercept'> = {}): Promise<DemoServer> {
  const faults = new FaultController();
  const requests: ReceivedRequest[] = [];
  const server = await startAppDemoServer({
    ...opts,
    intercept: async (call) => {
      const path = call.url.pathname + call.url.search;
      requests.push({
        method: call.req.method ?? 'GET',
        path,
        at: Date.now(),
        auth: call.auth.kind,
        userId: call.auth.user?.id ?? null,
        accept: call.req.headers.accept ?? null,
        contentType: call.req.headers['content-type'] ?? null,
      });
      const fault = faults.take(path, call.isApi);
      if (!fault) return null;
      const answer = faultResponse(fault, call.apiPath, call.companyErrors);
      if (answer) return { answer };
      if (fault.mode === 'slow') await call.hold(fault.delayMs ?? 3000);
      return {
        change: async (r) => {
          if (fault.mode === 'wrongType' && r.json !== undefined && r.status < 300) return { ...r, json: breakTypes(r.json) };
          if (fault.mode === 'dropAfterAccept') return { ...r, drop: true };
          // Never answers: held until the server stops, then the connection is simply closed.
          if (fault.mode === 'hang') {
            await call.hold(2 ** 31 - 1);
            return { ...r, drop: true };
          }
          return r;
        },
      };
    },
  });
  const received = Object.assign(server.received, { requests });
  return Object.assign(server, { faults, received });
}
