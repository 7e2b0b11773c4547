import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Violation } from './recorder';

interface RequestException {
  operation: string;
  violation: { location: string[]; code: string; property: string };
  why: string;
}
interface Exceptions {
  request: RequestException[];
  responseSchema: { operation: string; locations: string[]; why: string; by?: 'demo' }[];
  demoFields: { operation: string; fields: string[]; why: string }[];
  parserGaps: { method: string; operation: string; why: string }[];
  notAnOperation: { method: string; why: string }[];
}

const here = fileURLToPath(new URL('.', import.meta.url));
export const EXCEPTIONS = JSON.parse(readFileSync(join(here, 'exceptions.json'), 'utf8')) as Exceptions;

for (const list of [
  EXCEPTIONS.request,
  EXCEPTIONS.responseSchema,
  EXCEPTIONS.demoFields,
  EXCEPTIONS.parserGaps,
  EXCEPTIONS.notAnOperation,
]) {
  for (const e of list as { why?: string }[]) {
    if (!e.why || e.why.trim().length < 20)
      throw new Error(`exceptions.json: an entry has no real "why": ${JSON.stringify(e)}`);
  }
}

/** Whether a response that breaks its schema at this place is listed (example or real Altegio differs). */
export function exampleExcused(method: string, path: string, v: Violation): boolean {
  const at = (v.location ?? []).join('.');
  return EXCEPTIONS.responseSchema.some((e) => {
    const [m, template] = e.operation.split(' ') as [string, string];
    if (m !== method || !templateMatches(template, path)) return false;
    // `*` in a listed place stands for any one segment (an array index or a key).
    return e.locations.some((l) => {
      const re = new RegExp(`^${l.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`);
      return re.test(at);
    });
  });
}

/** Whether the list excuses this violation of this request (path as sent, e.g. /company/1/service_categories/). */
export function excused(method: string, path: string, v: Violation): boolean {
  return EXCEPTIONS.request.some(
    (e) =>
      e.operation.split(' ')[0] === method &&
      templateMatches(e.operation.split(' ')[1]!, path) &&
      JSON.stringify(v.location) === JSON.stringify(e.violation.location) &&
      v.code === e.violation.code &&
      (e.violation.property === '' || (v.message ?? '').includes(`'${e.violation.property}'`)),
  );
}

/** `/company/{location_id}/service_categories/{id}` matches `/company/5/service_categories/` (empty id too). */
export function templateMatches(template: string, path: string): boolean {
  const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]*')}$`);
  return re.test(path.split('?')[0]!);
}

/**
 * Test setup only: a description-driven server cannot serve a path whose optional id is left out
 * (see the `request` entries), so the browser walk against Prism fills it with the example's id.
 */
export function rewriteForPrism(path: string): string {
  const [p, q] = path.split('?');
  const filled = p!.replace(/^(\/company\/[^/]+\/service_categories|\/service_categories\/[^/]+)\/$/, '$1/0');
  return q === undefined ? filled : `${filled}?${q}`;
}

/** Whether the demo may send this undocumented field (`data.` dropped; `*` stands for any one key). */
export function demoFieldExcused(operation: string, field: string): boolean {
  return EXCEPTIONS.demoFields.some(
    (e) =>
      e.operation === operation &&
      e.fields.some((f) => new RegExp(`^${f.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`).test(field)),
  );
}

/** A path the description does not have, but a `request` entry with a route violation explains. */
export function routeExcused(method: string, path: string): boolean {
  return EXCEPTIONS.request.some(
    (e) =>
      e.violation.location[0] === 'route' &&
      e.operation === `${method} ${e.operation.split(' ')[1]}` &&
      templateMatches(e.operation.split(' ')[1]!, path),
  );
}

/** Entries of `responseSchema` (this suite's share) that none of these exchanges needed. */
export function unusedResponseExceptions(
  exchanges: { method: string; path: string; violations: Violation[] }[],
  by: 'demo' | 'description',
): string[] {
  const mine = EXCEPTIONS.responseSchema.filter((x) => (x.by === 'demo') === (by === 'demo'));
  return mine
    .filter(
      (entry) =>
        !exchanges.some((e) =>
          e.violations.some(
            (v) =>
              v.location?.[0] === 'response' &&
              entry.operation === `${e.method} ${entry.operation.split(' ')[1]}` &&
              templateMatches(entry.operation.split(' ')[1]!, e.path) &&
              exampleExcused(e.method, e.path, v),
          ),
        ),
    )
    .map((x) => x.operation);
}
