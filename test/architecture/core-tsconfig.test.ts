import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function compile(project: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('tsconfig.core.json (src/lib with no DOM and no Node types)', () => {
  const probeDir = mkdtempSync(join(tmpdir(), 'hexcast-core-probe-'));
  afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

  it('compiles the core', () => {
    const { status, output } = compile('tsconfig.core.json');
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 240_000);

  it('rejects DOM and Node globals with the same settings, and accepts the declared web platform', () => {
    writeFileSync(
      join(probeDir, 'probe.ts'),
      [
        'export const title = document.title;',
        'export const home = process.env.HOME;',
        'export const bytes = Buffer.from("x");',
        'export const now: number = performance.now();',
        'export const text: string = new TextDecoder().decode(new TextEncoder().encode("x"));',
      ].join('\n'),
    );
    writeFileSync(
      join(probeDir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.core.json'),
        include: [],
        files: ['probe.ts', join(root, 'types/core/web-platform.d.ts'), join(root, 'node_modules/apache-arrow/builder.d.ts')],
      }),
    );
    const { status, output } = compile(join(probeDir, 'tsconfig.json'));
    expect(status).not.toBe(0);
    const errorLines = output.split('\n').filter((line) => line.includes('error TS'));
    expect(errorLines.map((line) => /probe\.ts\((\d+),/.exec(line)?.[1])).toEqual(['1', '2', '3']);
    expect(output).toMatch(/Cannot find name 'document'/);
    expect(output).toMatch(/Cannot find name 'process'/);
    expect(output).toMatch(/Cannot find name 'Buffer'/);
  }, 120_000);
});
