import type { FaultSpec } from './faults';
import { AUTH_NEEDED, companyFail, fail, type DemoResponse } from '../../../src/main/demo/responses';

const HTML_502 = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;

/** The answer a fault gives instead of the real one; null for faults that alter the real answer. */
export function faultResponse(fault: FaultSpec, apiPath: string, companyErrors: boolean): DemoResponse | null {
  switch (fault.mode) {
    case 'http500':
      return fail(500, 'Internal Server Error');
    case 'html502':
      return { status: 502, raw: { body: HTML_502, type: 'text/html; charset=utf-8' } };
    case 'rate429':
      return { ...fail(429, 'Too Many Requests'), headers: { 'Retry-After': '1' } };
    case 'rate429NoHeader':
      return fail(429, 'Too Many Requests');
    case 'malformedJson':
      return { status: 200, raw: { body: '{"success":true,"data":[{"id":1,"title":"Cut', type: 'application/json' } };
    case 'successFalse':
      return fail(200, 'An error has occurred.');
    case 'forbiddenLicense': {
      const id = /\/(\d+)/.exec(apiPath)?.[1] ?? '0';
      return fail(403, `It is necessary to renew the license in the branch with id: ${id}`);
    }
    case 'unauthorized':
      return companyErrors ? companyFail(401, AUTH_NEEDED) : fail(401, AUTH_NEEDED);
    case 'notFound':
      // An environment that lacks a path form answers like an unknown route.
      return fail(404, null);
    case 'dataNull':
      return { status: 200, json: { success: true, data: null, meta: [] } };
    case 'emptyBody':
      return { status: 200, raw: { body: '', type: 'application/json' } };
    case 'noContent':
      return { status: 204 };
    case 'emptyList':
      return { status: 200, json: { success: true, data: [], meta: { count: 0 } } };
    case 'slow':
    case 'wrongType':
    case 'dropAfterAccept':
    case 'hang':
      return null;
  }
}

/** `wrongType`: the first `id` in `data` becomes an object (or `data` a string when it has none). */
export function breakTypes(json: unknown): unknown {
  if (!json || typeof json !== 'object') return json;
  const body = structuredClone(json) as Record<string, unknown>;
  const visit = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(visit);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('id' in o) {
        o['id'] = { value: o['id'] };
        return true;
      }
      return Object.values(o).some(visit);
    }
    return false;
  };
  if (!visit(body['data'])) body['data'] = 'unexpected';
  return body;
}
