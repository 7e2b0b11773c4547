import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Altegio's own OpenAPI description (see README.md in this folder for where it came from). */
export const DESCRIPTION = join(here, 'altegio-v1.openapi.yaml');
const PRISM = join(here, '..', '..', 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface Prism {
  /** e.g. http://127.0.0.1:41234 — the description's paths sit directly under it. */
  url: string;
  close(): Promise<void>;
}

/** A free port on 127.0.0.1: Prism's CLI needs a number, and a fixed one collides with parallel runs. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts Prism once (a few seconds: the description is 1.7 MB) as a child process, so a crash or a
 * hang in it never takes the test worker down. `mock` serves the description's examples; `proxy`
 * forwards to `upstream` and reports request and response violations in the `sl-violations` header.
 * Request violations are answered 422 in either mode; `errors` also turns a response that breaks
 * its schema into a 500 (which, in mock mode, hides whether the client can read the example).
 */
export async function startPrism(
  opts: ({ mode: 'mock' } | { mode: 'proxy'; upstream: string }) & { errors?: boolean; validateRequest?: boolean },
): Promise<Prism> {
  const port = await freePort();
  const args = [PRISM, opts.mode, DESCRIPTION, ...(opts.mode === 'proxy' ? [opts.upstream] : [])];
  args.push('-h', '127.0.0.1', '-p', String(port), '-v', 'warn');
  if (opts.errors) args.push('--errors');
  if (opts.validateRequest === false) args.push('--validate-request', 'false');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4_000)));
  child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4_000)));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Prism exited (${code}) before listening:\n${output}`))),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + 60_000;
  // Its "listening" line is an info log, which `-v warn` hides: wait for the port instead.
  while (!(await listening(port))) {
    if (child.exitCode !== null) await exited;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Prism did not start in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
