import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps the PC's language off screen and paper (issue 25 §14). */
describe('lint: no formatter without the desk language in renderer and print code', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const problems = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath }))[0]!.messages
      .filter((m) => m.ruleId === 'no-restricted-syntax')
      .map((m) => m.line);

  it.each(['src/renderer/src/views/x.ts', 'src/main/print/x.ts'])('%s', async (file) => {
    const code = [
      "export const a = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });",
      'export const b = new Intl.NumberFormat();',
      'export const c = new Date().toLocaleString();',
      'export const d = (1).toLocaleString(undefined);',
      "export const e = new Date().toLocaleDateString('ru');",
      "export const f = new Intl.NumberFormat('ru', {});",
      '',
    ].join('\n');
    expect(await problems(code, file)).toEqual([1, 2, 3, 4]);
  });

  it('main-process code outside print is not concerned', async () => {
    expect(await problems('export const b = new Intl.NumberFormat();\n', 'src/main/services/x.ts')).toEqual([]);
  });
});
