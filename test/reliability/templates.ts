import type { z } from 'zod';
import { CHANNELS, contract, type Channel } from '../../src/shared/contract';

/**
 * A valid argument per channel, built by walking the contract's own zod schema, so a fuzzed call that
 * starts from it passes validation and reaches the handler. Field names the schema cannot fill with
 * meaning (which location, which member, which PIN) come from `hints`: the real desk's ids.
 */
export type Hints = Record<string, unknown>;

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
type Check = { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp; length?: number };
const checksOf = (d: Def): Check[] => ((d['checks'] as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Strings a pattern in the contract asks for. */
function fromPattern(p: RegExp): string | null {
  const src = p.source;
  if (src.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-03-20';
  if (src.includes('\\d{4,6}')) return '1111';
  if (/^\^?\\d/.test(src)) return '1';
  return null;
}

function stringFor(d: Def, key: string | null, hints: Hints): string {
  const hinted = key ? hints[key] : undefined;
  if (typeof hinted === 'string') return hinted;
  let min = 1;
  let max = 40;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = c.minimum ?? min;
    if (c.check === 'max_length') max = c.maximum ?? max;
    if (c.check === 'length_equals') min = max = c.length ?? min;
    if (c.check === 'string_format') {
      if (c.format === 'regex' && c.pattern) {
        const v = fromPattern(c.pattern);
        if (v) return v;
      }
      if (c.format === 'url') return 'https://example.com/a';
      if (c.format === 'email') return 'desk@example.com';
    }
  }
  return 'probe text'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, 10)));
}

function numberFor(d: Def, key: string | null, hints: Hints): number {
  const hinted = key ? hints[key] : undefined;
  if (typeof hinted === 'number') return hinted;
  let lo = 0;
  let hi = 1000;
  for (const c of checksOf(d)) {
    if (c.check === 'greater_than') lo = (c.value ?? 0) + (c.inclusive ? 0 : 1);
    if (c.check === 'less_than') hi = (c.value ?? hi) - (c.inclusive ? 0 : 1);
  }
  return Math.max(lo, Math.min(hi, 1));
}

/** A value `schema` accepts, or undefined when this walker cannot build one. */
export function build(schema: unknown, hints: Hints, key: string | null = null, depth = 0): unknown {
  if (depth > 8) return undefined;
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const shape = d['shape'] as Record<string, unknown>;
      for (const [k, v] of Object.entries(shape)) {
        const inner = defOf(v);
        // Optional fields are filled when a hint names them (a location, a date), left out otherwise.
        if ((inner.type === 'optional' || inner.type === 'default') && !(k in hints)) continue;
        const value = build(v, hints, k, depth + 1);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return build(d['innerType'], hints, key, depth + 1);
    case 'pipe':
      return build(d['in'], hints, key, depth + 1);
    case 'union': {
      for (const option of d['options'] as unknown[]) {
        const v = build(option, hints, key, depth + 1);
        if (v !== undefined || defOf(option).type === 'undefined') return v;
      }
      return undefined;
    }
    case 'string':
      return stringFor(d, key, hints);
    case 'number':
    case 'int':
      return numberFor(d, key, hints);
    case 'boolean':
      return typeof hints[key ?? ''] === 'boolean' ? hints[key!] : false;
    case 'enum': {
      const entries = Object.values(d['entries'] as Record<string, string>);
      const hinted = key ? hints[key] : undefined;
      return entries.includes(hinted as string) ? hinted : entries[0];
    }
    case 'literal':
      return (d['values'] as unknown[])[0];
    case 'array': {
      const hinted = key ? hints[key] : undefined;
      if (Array.isArray(hinted)) return hinted;
      const min = checksOf(d).find((c) => c.check === 'min_length')?.minimum ?? 0;
      return Array.from({ length: min }, () => build(d['element'], hints, null, depth + 1));
    }
    case 'record':
      return {};
    case 'custom':
      // z.instanceof(Uint8Array): the photo bytes
      return key && hints[key] instanceof Uint8Array ? hints[key] : new Uint8Array([1, 2, 3]);
    case 'undefined':
    case 'void':
      return undefined;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/** Per channel: the valid template, or null when none could be built (listed in the table). */
export function templates(hints: Hints, perChannel: Partial<Record<Channel, Hints>> = {}): Map<Channel, { args: unknown } | null> {
  const out = new Map<Channel, { args: unknown } | null>();
  for (const channel of CHANNELS) {
    const schema = contract[channel].args as z.ZodType;
    const args = build(schema, { ...hints, ...perChannel[channel] });
    out.set(channel, schema.safeParse(args).success ? { args } : null);
  }
  return out;
}
