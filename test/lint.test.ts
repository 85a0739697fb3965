import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

describe('eslint (eslint.config.js) over the whole repository', () => {
  it('finds no problems', async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['.']);
    // Guards against a lint that passes because it matched no files.
    expect(results.length).toBeGreaterThan(300);
    const problems = results.flatMap((result) =>
      result.messages.map((m) => `${result.filePath.slice(root.length)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'}: ${m.message}`),
    );
    expect(problems).toEqual([]);
  }, 600_000);

  it('is live for TypeScript and Svelte files: it reports an unused variable in each', async () => {
    const eslint = new ESLint({ cwd: root });
    const [ts] = await eslint.lintText('export const used = 1;\nconst unused = 2;\n', { filePath: `${root}src/lib/probe.ts` });
    expect(ts.messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-unused-vars']);
    const [svelte] = await eslint.lintText('<script lang="ts">\n  const unused: number = 2;\n</script>\n<p>hi</p>\n', {
      filePath: `${root}src/app/Probe.svelte`,
    });
    expect(svelte.messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-unused-vars']);
  }, 120_000);
});
