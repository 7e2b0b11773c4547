import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const DOCS = ['README.md', 'CONTRIBUTING.md', 'docs/architecture.md'];

/** Paths a document points at: markdown links and `backticked` paths that look like files. */
function references(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const links = [...text.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
  const paths = [...text.matchAll(/`((?:\.\.?\/)[^`\s]+\.md)`/g)].map((m) => m[1]!);
  return [...links, ...paths];
}

describe('the repository stands on its own', () => {
  it('has the architecture document, and README and CONTRIBUTING point at it', () => {
    expect(existsSync(join(ROOT, 'docs/architecture.md'))).toBe(true);
    expect(readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')).toContain('docs/architecture.md');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('docs/architecture.md');
  });

  it.each(DOCS)('%s points only at files inside the repository', (file) => {
    for (const ref of references(file)) {
      const target = resolve(dirname(join(ROOT, file)), ref);
      expect(relative(ROOT, target).startsWith('..'), `${file} → ${ref}`).toBe(false);
      expect(existsSync(target), `${file} → ${ref}`).toBe(true);
    }
  });
});
