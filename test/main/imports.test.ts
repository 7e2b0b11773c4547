import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Relative imports of every source file, type-only ones included: a type cycle is still a cycle. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/g)].map((m) => m[1]!);
    const targets = specs.map((s) => resolveImport(file, s)).filter((t): t is string => t !== null);
    graph.set(relative(ROOT, file), [...new Set(targets.map((t) => relative(ROOT, t)))]);
  }
  return graph;
}

describe('source imports', () => {
  const graph = importGraph();

  it('have no two files that import each other', () => {
    const pairs: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (file < target && graph.get(target)?.includes(file)) pairs.push(`${file} ↔ ${target}`);
      }
    }
    expect(pairs).toEqual([]);
  });

  it('keep services/ ignorant of the demo server (the composition root sits above services/)', () => {
    const upward = [...graph]
      .filter(([file]) => file.startsWith('src/main/services/'))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith('src/main/demo/')).map((t) => `${file} → ${t}`));
    expect(upward).toEqual([]);
  });

  it('leave fault injection and request recording to test support: the installed app ships neither', () => {
    const hooks = /\bFaultController\b|\bFAULT_MODES\b|dropAfterAccept|received\.requests/;
    const shipped = [...graph.keys()].filter(
      (file) => file.startsWith('src/main/') && hooks.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(shipped).toEqual([]);
  });
});
