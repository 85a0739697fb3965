/**
 * `hexcast inspect` on a file in projected metres it has never seen (issue #15): the Vancouver-like
 * fixture in UTM zone 10N, with two privacy-masked categories at 0/0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';
import { vancouverFileBytes } from './fixtures/vancouver-file';

const dir = mkdtempSync(join(tmpdir(), 'hexcast-crs-'));
const FILE = join(dir, 'vancouver.arrow');
writeFileSync(FILE, vancouverFileBytes());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hexcast inspect ranks CRSs for projected x/y', () => {
  it('without --crs: prints the ranked candidates, a UTM zone 10N CRS first, then asks for --crs', async () => {
    const { code, stdout, stderr } = await hexcast('inspect', FILE);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('CRS candidates for these x/y, best first (--crs EPSG:…)');
    expect(lines[1]).toMatch(
      /^ {2}1\. EPSG:\d+ {2}\S.* UTM zone 10N — 100 % in its area of use, 100 % on land, 15 km across, around 49\.26° N, 123\.12° W \(same place: /,
    );
    expect(stdout).not.toMatch(/EPSG:2913\b/);
    expect(stderr).toMatch(/declare their CRS/);
  });

  it('with --crs EPSG:2913: warns before binning that the points are off Alaska, outside Oregon and at sea', async () => {
    const { code, stdout } = await hexcast('inspect', FILE, '--x', 'x', '--y', 'y', '--crs', 'EPSG:2913');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Warning: EPSG:2913 \(NAD83\(HARN\) \/ Oregon North \(ft\)\) puts the points around 53\.7\d° N, 156\.9\d° W: 100 % outside its area of use .*, 100 % in open sea; the CRS is probably wrong/,
    );
  });

  it('with --crs EPSG:32610: no placement warning, and --json carries the candidates', async () => {
    const { code, stdout } = await hexcast('inspect', FILE, '--x', 'x', '--y', 'y', '--crs', 'EPSG:32610', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.warnings.filter((w: string) => w.includes('puts the points'))).toEqual([]);
    expect(out.crsCandidates[0].name).toMatch(/UTM zone 10N/);
    expect([out.crsCandidates[0].code, ...out.crsCandidates[0].sameAs]).toEqual(expect.arrayContaining([32610, 26910]));
    expect(out.rows).toMatchObject({ read: 2_530, kept: 2_400 });
  });
});

describe('hexcast names what disappears, and names cells', () => {
  it('inspect breaks drops down by category and names the two categories masked to 0/0', async () => {
    const { code, stdout } = await hexcast('inspect', FILE, '--x', 'x', '--y', 'y', '--crs', 'EPSG:32610', '--category-column', 'type');
    expect(code).toBe(0);
    expect(stdout).toContain('Dropped rows by category (type): 2 lost every row');
    expect(stdout).toMatch(/ {2}SEXUAL OFFENCE {8}90 of {7}90 dropped: 90 location-zero {2}LOST EVERY ROW/);
    expect(stdout).toContain("Warning: category 'HOMICIDE' lost all 40 of its rows: 40 location-zero");
  });

  it('bin --place neighbourhood prints the busiest cells with their place names', async () => {
    const out = join(dir, 'panel.arrow');
    const { code, stdout } = await hexcast(
      'bin',
      FILE,
      '--x',
      'x',
      '--y',
      'y',
      '--crs',
      'EPSG:32610',
      '--place',
      'neighbourhood',
      '--res',
      '8',
      '--bucket',
      'week',
      '--out',
      out,
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('Busiest cells (named by the most common neighbourhood)');
    expect(lines).toHaveLength(11);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}( \d|\d\d)\. +\d+ {2}(Strathcona|West End) +8[0-9a-f]{14}$/);
  });
});
