import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` (recursively) whose bytes contain any of the secrets; with the count of hits. */
export function filesWithSecrets(dir: string, secrets: string[]): { files: number; hits: string[] } {
  const needles = secrets.filter((s) => s.length >= 8).map((s) => Buffer.from(s, 'utf8'));
  const hits: string[] = [];
  let files = 0;
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        const bytes = readFileSync(p);
        if (needles.some((n) => bytes.includes(n))) hits.push(p);
      }
    }
  };
  walk(dir);
  return { files, hits };
}
