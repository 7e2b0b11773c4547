/** A JSON Schema as Prism hands it over: $refs resolved, combinators kept. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

const branches = (s: Schema): Schema[] => [
  s,
  ...[...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap(branches),
];

/**
 * Fields of `value` that `schema` does not document, as paths like `data[].currency_short_title`.
 * An object schema without `properties` (a free-form object or a map) documents any key; a map's
 * values are still walked. `additionalProperties: true` is JSON Schema's default and documents nothing.
 */
export function undocumentedFields(schema: Schema | undefined, value: unknown, path = ''): string[] {
  if (!schema || value === null || typeof value !== 'object') return [];
  const all = branches(schema);
  if (Array.isArray(value)) {
    const out = new Set<string>();
    for (const s of all) {
      const tuple = s.prefixItems ?? (Array.isArray(s.items) ? s.items : null);
      value.forEach((v, i) => {
        const item = tuple ? tuple[i] : (s.items as Schema | undefined);
        for (const f of undocumentedFields(item, v, `${path}[]`)) out.add(f);
      });
    }
    return [...out];
  }
  const declared = new Map<string, Schema[]>();
  let open = false;
  const maps: Schema[] = [];
  for (const s of all) {
    for (const [k, v] of Object.entries(s.properties ?? {})) declared.set(k, [...(declared.get(k) ?? []), v]);
    if (typeof s.additionalProperties === 'object') maps.push(s.additionalProperties);
  }
  if (declared.size === 0) open = true;
  const out = new Set<string>();
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    const known = declared.get(key);
    if (known) {
      // Documented if any branch documents it; a field is undocumented only where every branch says so.
      const per = known.map((k) => new Set(undocumentedFields(k, v, at)));
      for (const f of per[0]!) if (per.every((p) => p.has(f))) out.add(f);
    } else if (maps.length > 0) {
      for (const f of undocumentedFields(maps[0], v, at)) out.add(f);
    } else if (!open) {
      out.add(at);
    }
  }
  return [...out];
}
