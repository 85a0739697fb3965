/**
 * `hexcast leakage` as a user runs it, on Portland's file: the lab's JSON on stdout, the five
 * files of --out (the lab, and the honest report with its hygiene checklist and the leakage
 * section in every rendering), and the usage errors.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';

const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
const dir = mkdtempSync(join(tmpdir(), 'hexcast-leakage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hexcast leakage', () => {
  it('prints the lab as JSON and writes the lab and the honest report, hygiene checklist and leakage section included', async () => {
    const out = join(dir, 'lab');
    const args = ['leakage', PORTLAND, '--x', 'x_coordinate', '--y', 'y_coordinate', '--crs', 'EPSG:2913', '--res', '8', '--bucket', 'week'];
    const { code, stdout, stderr } = await hexcast(...args, '--json', '--quiet', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lab = JSON.parse(stdout);
    expect([lab.format, lab.version, lab.protocol.folds, lab.models]).toEqual([
      'hexcast-leakage',
      1,
      26,
      ['naive', 'historic-average', 'shrunk-average', 'kde(window=13, rings=1)'],
    ]);
    expect(lab.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    const zeros = lab.mistakes.find((m: { id: string }) => m.id === 'zeros-dropped');
    const pai = zeros.rows.find(
      (r: { model: string; metric: string; coverage?: number }) => r.model === 'historic-average' && r.metric === 'pai' && r.coverage === 0.05,
    );
    expect([pai.honest.mean, pai.leaky.mean, pai.inflation.mean].map((v: number) => Math.round(v * 1e4) / 1e4)).toEqual([3.1262, 7.6355, 4.5093]);
    expect(readdirSync(out).sort()).toEqual([
      'leakage.json',
      'leakage.md',
      'report.capture.svg',
      'report.folds.svg',
      'report.html',
      'report.json',
      'report.md',
    ]);
    expect(JSON.parse(readFileSync(join(out, 'leakage.json'), 'utf8'))).toEqual(lab);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect([report.version, report.hygiene.map((c: { ok: boolean }) => c.ok)]).toEqual([3, [true, true, true, true, true, true]]);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Hygiene checklist');
    expect(md).toContain('## Leakage exposed, side by side');
    expect(md).toContain('| historic-average | PAI @ 5 % ↑ | 3.13 | 7.64 | **+4.51 [3.90, 5.16] (+144.2 %)** |');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Leakage exposed, side by side');
    expect(html.match(/<li class="hx-ok"/g)).toHaveLength(6);
  }, 180_000);

  it('prints a table of mistake × metric by default; a missing file or --res is a usage error', async () => {
    const none = await hexcast('leakage');
    expect([none.code, none.stderr]).toEqual([2, "hexcast leakage: give at least one incident or panel file (usage)\nsee 'hexcast leakage --help'\n"]);
    const help = await hexcast('leakage', '--help');
    expect(help.stdout).toContain('Usage: hexcast leakage FILE…');
    const noRes = await hexcast('leakage', PORTLAND, '--x', 'x_coordinate', '--y', 'y_coordinate', '--crs', 'EPSG:2913', '--bucket', 'week');
    expect(noRes.code).toBe(2);
  });
});
