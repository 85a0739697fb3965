/**
 * Leaky code paths exist only inside the leakage lab (`src/lib/leakage`), and nothing else can
 * reach them: a file of the lab whose doc comment says `LEAKY —` is imported only by the lab's
 * entry (`leakage-lab.ts`), and from outside the lab only its entry and renderings are imported,
 * only by the shells that display them (worker, lessons, app, app/report, cli).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImportGraph, type ImportGraph } from './import-graph';

const root = new URL('../..', import.meta.url).pathname;
const LAB = 'src/lib/leakage/';
/** What the shells may import from the lab: the entry, its catalogue and types, and the renderings. */
const PUBLIC = [
  'leakage-lab.ts',
  'leakage-defaults.ts',
  'mistake-catalogue.ts',
  'inflation.ts',
  'metric-series.ts',
  'leakage-text.ts',
  'leakage-markdown.ts',
  'leakage-bars.ts',
  'leakage-table.ts',
].map((f) => LAB + f);
const SHELLS = ['src/lib/worker/', 'src/lib/lessons/', 'src/app/', 'src/cli/'];

/** The rule's violations in an import graph, one line each. */
function leakageViolations(graph: ImportGraph, leaky: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const { from, to } of graph.edges) {
    if (!to.startsWith(LAB)) continue;
    if (from.startsWith(LAB)) {
      if (leaky.has(to) && from !== `${LAB}leakage-lab.ts`) out.push(`leaky file imported inside the lab by other than leakage-lab.ts: ${from} imports ${to}`);
      continue;
    }
    if (!SHELLS.some((shell) => from.startsWith(shell))) out.push(`not a shell: ${from} imports ${to}`);
    else if (!PUBLIC.includes(to)) out.push(`not the lab's public surface: ${from} imports ${to}`);
  }
  return out;
}

describe('the leakage lab is sealed', () => {
  const graph = readImportGraph(root, ['src']);
  const labFiles = graph.files.filter((f) => f.startsWith(LAB));
  const leaky = new Set(labFiles.filter((f) => readFileSync(`${root}${f}`, 'utf8').includes('LEAKY —')));

  it('finds the six leaky files, each named after its mistake', () => {
    expect([...leaky].sort()).toEqual(
      [
        'lag-regression.ts',
        'random-split-training.ts',
        'region-from-all-data.ts',
        'score-only-cells-with-incidents.ts',
        'tuning-on-test.ts',
        'universe-from-all-data.ts',
      ].map((f) => LAB + f),
    );
  });

  it('holds for every import under src', () => {
    expect(leakageViolations(graph, leaky)).toEqual([]);
  });

  it('flags a core module, a shell reaching past the entry, and a lab file other than the entry using a leaky one', () => {
    const edge = (from: string, to: string) => ({ from, to, specifier: to });
    const bad = {
      files: [],
      edges: [
        edge('src/lib/evaluate/backtest.ts', `${LAB}leakage-lab.ts`),
        edge('src/cli/main.ts', `${LAB}region-from-all-data.ts`),
        edge(`${LAB}leakage-markdown.ts`, `${LAB}lag-regression.ts`),
        edge('src/app/App.svelte', `${LAB}leakage-lab.ts`),
      ],
    };
    expect(leakageViolations(bad, new Set([`${LAB}region-from-all-data.ts`, `${LAB}lag-regression.ts`]))).toEqual([
      `not a shell: src/lib/evaluate/backtest.ts imports ${LAB}leakage-lab.ts`,
      `not the lab's public surface: src/cli/main.ts imports ${LAB}region-from-all-data.ts`,
      `leaky file imported inside the lab by other than leakage-lab.ts: ${LAB}leakage-markdown.ts imports ${LAB}lag-regression.ts`,
    ]);
  });
});
