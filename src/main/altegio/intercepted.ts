import { AppError } from '../../shared/errors';
import { en } from '../../shared/i18n/en';
import type { ErrorContext } from './errors';

/**
 * Failures that mean something stands between this PC and Altegio, not that the internet is down:
 * a certificate that is not Altegio's (antivirus that scans HTTPS installs its own root; a proxy
 * that inspects traffic) or a proxy that refuses the tunnel. Node's fetch (the bridge, tests)
 * reports them as TLS error codes in the cause chain (`SELF_SIGNED_CERT_IN_CHAIN`,
 * `UNABLE_TO_GET_ISSUER_CERT_LOCALLY`, `ERR_TLS_CERT_ALTNAME_INVALID`…); Electron's net.fetch
 * rejects with Chromium's net error names (`net::ERR_CERT_AUTHORITY_INVALID`,
 * `net::ERR_PROXY_CONNECTION_FAILED`…; chromium net/base/net_error_list.h).
 */
const NODE_CODE =
  /^(CERT_|UNABLE_TO_(GET_ISSUER|VERIFY)|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/;
const CHROMIUM = /net::ERR_(CERT_|SSL_|BAD_SSL_|PROXY_|TUNNEL_CONNECTION_FAILED|MANDATORY_PROXY)/;

/** Walks an error and its causes (ofetch → fetch's TypeError → the socket's error). */
export function isInterceptedConnection(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 6; depth++) {
    const { code, message, cause } = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && NODE_CODE.test(code)) return true;
    if (typeof message === 'string' && CHROMIUM.test(message)) return true;
    cur = cause;
  }
  return false;
}

/** OFFLINE with `reason: 'intercepted'`: the desk shows its own sentence for it in every language. */
export function interceptedConnection(ctx: ErrorContext): AppError {
  return new AppError('OFFLINE', en['error.intercepted'], { endpoint: ctx.endpoint, reason: 'intercepted' });
}
