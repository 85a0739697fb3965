import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLayers, cyclesOf, layerOf } from './check-layers';
import { importSpecifiers, readImportGraph } from './import-graph';
import { parseLayerTable } from './layer-table';

const root = new URL('../..', import.meta.url).pathname;
const layers = parseLayerTable(readFileSync(`${root}docs/architecture.md`, 'utf8'));

describe('the layer table of docs/architecture.md', () => {
  it('holds for every import under src', () => {
    const graph = readImportGraph(root, ['src']);
    // Guards against a check that passes because it read nothing.
    expect(graph.files.length).toBeGreaterThan(200);
    expect(graph.edges.length).toBeGreaterThan(500);
    expect(checkLayers(graph, layers)).toEqual([]);
  });

  it('lists the layers in their stated order, base first and importing nothing', () => {
    expect(layers.map((layer) => layer.name)).toEqual([
      'base',
      'evaluate/metrics',
      'io',
      'grid',
      'areas',
      'forecast',
      'evaluate',
      'external',
      'plots',
      'simulate',
      'claims',
      'model-api',
      'pipeline',
      'leakage',
      'lessons',
      'worker',
      'app/report',
      'app',
      'cli',
      'main.ts',
    ]);
    expect(layers[0].mayImport).toEqual([]);
  });
});

describe('checkLayers on hand-made import graphs', () => {
  const table = parseLayerTable(
    [
      '## Layers',
      '| layer | what | may import |',
      '|---|---|---|',
      '| `src/lib/base` | b | nothing |',
      '| `src/lib/io` | i | `base` |',
      '| `src/lib/grid` | g | `base`, `io` |',
      '| `src/app` | a | `grid` |',
      '| `src/app/report` | r | `base` |',
    ].join('\n'),
  );
  const files = [
    'src/lib/base/random.ts',
    'src/lib/io/read.ts',
    'src/lib/grid/h3.ts',
    'src/lib/grid/panel.ts',
    'src/app/App.svelte',
    'src/app/report/Report.svelte',
  ];
  const edge = (from: string, to: string) => ({ from, to, specifier: to });

  it('accepts imports that go down the table', () => {
    const graph = {
      files,
      edges: [
        edge('src/lib/io/read.ts', 'src/lib/base/random.ts'),
        edge('src/lib/grid/h3.ts', 'src/lib/io/read.ts'),
        edge('src/app/App.svelte', 'src/lib/grid/h3.ts'),
      ],
    };
    expect(checkLayers(graph, table)).toEqual([]);
  });

  it('flags an upward import, naming both files and what the layer may import', () => {
    const graph = { files, edges: [edge('src/lib/io/read.ts', 'src/lib/grid/h3.ts')] };
    expect(checkLayers(graph, table)).toEqual(['upward import: src/lib/io/read.ts (io) imports src/lib/grid/h3.ts (grid); io may import base']);
  });

  it('flags a skipped layer that is not listed (app may import grid, not base)', () => {
    const graph = { files, edges: [edge('src/app/App.svelte', 'src/lib/base/random.ts')] };
    expect(checkLayers(graph, table)).toEqual(['upward import: src/app/App.svelte (app) imports src/lib/base/random.ts (base); app may import grid']);
  });

  it('puts a file in the longest matching layer (app/report may not import grid)', () => {
    expect(layerOf('src/app/report/Report.svelte', table)?.name).toBe('app/report');
    const graph = { files, edges: [edge('src/app/report/Report.svelte', 'src/lib/grid/h3.ts')] };
    expect(checkLayers(graph, table)).toEqual([
      'upward import: src/app/report/Report.svelte (app/report) imports src/lib/grid/h3.ts (grid); app/report may import base',
    ]);
  });

  it('flags an import cycle inside one layer', () => {
    const graph = { files, edges: [edge('src/lib/grid/h3.ts', 'src/lib/grid/panel.ts'), edge('src/lib/grid/panel.ts', 'src/lib/grid/h3.ts')] };
    expect(checkLayers(graph, table)).toEqual(['import cycle: src/lib/grid/h3.ts → src/lib/grid/panel.ts → src/lib/grid/h3.ts']);
  });

  it('flags a cycle across layers twice: as the upward import and as the cycle', () => {
    const graph = { files, edges: [edge('src/lib/grid/h3.ts', 'src/lib/io/read.ts'), edge('src/lib/io/read.ts', 'src/lib/grid/h3.ts')] };
    expect(checkLayers(graph, table)).toEqual([
      'upward import: src/lib/io/read.ts (io) imports src/lib/grid/h3.ts (grid); io may import base',
      'import cycle: src/lib/grid/h3.ts → src/lib/io/read.ts → src/lib/grid/h3.ts',
    ]);
  });

  it('flags a file outside every layer, a table that names an unknown layer or loops, and Svelte in the core', () => {
    const looping = parseLayerTable(['## Layers', '| `src/lib/a` | x | `b` |', '| `src/lib/b` | y | `a`, `c` |'].join('\n'));
    expect(checkLayers({ files: ['src/other.ts'], edges: [] }, looping)).toEqual([
      'layer table: b may import unknown layer c',
      'layer table cycle: a → b → a',
      'no layer: src/other.ts',
    ]);
    const graph = { files, edges: [edge('src/lib/grid/h3.ts', 'src/app/App.svelte')] };
    expect(checkLayers(graph, table)).toContain('svelte in core: src/lib/grid/h3.ts imports src/app/App.svelte');
  });
});

describe('cyclesOf', () => {
  it('finds each cycle once, from its smallest node, and none in a DAG', () => {
    const dag = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'a', to: 'c' },
    ];
    expect(cyclesOf(dag)).toEqual([]);
    const two = [...dag, { from: 'c', to: 'a' }, { from: 'd', to: 'e' }, { from: 'e', to: 'd' }, { from: 'f', to: 'f' }];
    expect(cyclesOf(two).sort()).toEqual([
      ['a', 'c', 'a'],
      ['d', 'e', 'd'],
      ['f', 'f'],
    ]);
  });
});

describe('importSpecifiers', () => {
  it('counts type-only imports, re-exports, dynamic imports and Svelte script blocks, not comments', () => {
    const ts = ["import type { A } from './a';", "export { b } from './b';", "const c = await import('./c');", "// import { d } from './d';"].join('\n');
    expect(importSpecifiers(ts, 'x.ts')).toEqual(['./a', './b', './c']);
    const svelte = "<script lang=\"ts\">\n  import { e } from './e';\n</script>\n<p>import { f } from './f'</p>";
    expect(importSpecifiers(svelte, 'X.svelte')).toEqual(['./e']);
  });
});
