/**
 * Wrong keyboard layout: the receptionist typed on the US layout while meaning Russian, Ukrainian,
 * Spanish or Portuguese (or the other way round). `vfybr.h` → маникюр, `u;as` → uñas.
 * Applied to the raw query (before splitting into words: `.` and `;` are letters on other layouts).
 */

const US = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.";
const RU = 'ёйцукенгшщзхъфывапролджэячсмитьбю';
const UK = 'ʼйцукенгшщзхїфівапролджєячсмитьбю';

function table(from: string, to: string): Map<string, string> {
  const m = new Map<string, string>();
  const f = [...from];
  const t = [...to];
  f.forEach((c, i) => {
    m.set(c, t[i]!);
    m.set(c.toUpperCase(), t[i]!.toUpperCase());
  });
  return m;
}

const LAYOUTS: ReadonlyArray<Map<string, string>> = [
  table(US, RU),
  table(US, UK),
  table(RU, US),
  table(UK, US),
  table(';', 'ñ'), // Spanish: ñ sits where the US layout has ;
  table(';', 'ç'), // Portuguese: ç sits there
];

function convert(text: string, map: Map<string, string>): string {
  let out = '';
  for (const c of text) out += map.get(c) ?? c;
  return out;
}

/** The query as it would read on each other layout (only those that change it, no duplicates). */
export function layoutVariants(text: string): string[] {
  const seen = new Set([text]);
  const out: string[] = [];
  for (const map of LAYOUTS) {
    const v = convert(text, map);
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}
