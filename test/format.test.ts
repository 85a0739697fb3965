import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

describe('prettier (.prettierrc) over the whole repository', () => {
  it('finds every file formatted', async () => {
    // `--list-different` prints the files prettier would change and exits 1 when there are any.
    const result = await run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--list-different', '.'], { cwd: root }).catch(
      (error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', code: error.code }),
    );
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([]);
    expect('code' in result ? result.code : 0).toBe(0); // 2 = prettier itself failed
  }, 300_000);

  it('is live: it reports a file that is not formatted', async () => {
    const prettier = await import('prettier');
    const options = await prettier.resolveConfig(`${root}src/lib/probe.ts`);
    expect(await prettier.check('export const a = {b:1}\n', { ...options, filepath: `${root}src/lib/probe.ts` })).toBe(false);
    expect(await prettier.check('export const a = { b: 1 };\n', { ...options, filepath: `${root}src/lib/probe.ts` })).toBe(true);
  });
});
