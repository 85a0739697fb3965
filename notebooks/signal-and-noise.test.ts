/** Notebooks are executable documentation: this runs the synthetic one (quick) so it cannot rot. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'hexcast-notebook-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('notebooks/signal-and-noise.ts --quick', () => {
  it('writes its three worlds with a table each, the oracle on top in the near-repeat world, and three charts', async () => {
    await promisify(execFile)(process.execPath, ['bin/run-ts.js', 'notebooks/signal-and-noise.ts', '--quick'], {
      env: { ...process.env, HEXCAST_NOTEBOOK_OUT: out },
    });
    const dir = join(out, 'signal-and-noise');
    const md = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const world of ['## 1. Stable hotspots', '## 2. Near repeats', '## 3. Pure noise']) expect(md).toContain(world);
    expect(md.match(/^\| oracle \(true rate\) \|/gm)).toHaveLength(3);
    const nearRepeats = md.slice(md.indexOf('## 2. Near repeats'), md.indexOf('## 3. Pure noise'));
    const deviance = (name: string): number => Number(nearRepeats.match(new RegExp(`^\\| ${name} \\| ([0-9.]+)`, 'm'))![1]);
    expect(deviance('oracle \\(true rate\\)')).toBeLessThan(deviance('historic-average'));
    expect(deviance('oracle \\(true rate\\)')).toBeLessThan(deviance('naive'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.svg'))).toHaveLength(3);
  }, 120_000);
});
