/** A layer of the code: a folder (or file) and the layers its files may import. */
export interface Layer {
  /** Short name: the path without `src/lib/` or `src/`, e.g. `grid`, `app/report`, `main.ts`. */
  readonly name: string;
  /** Path from the project root, e.g. `src/lib/grid`. */
  readonly path: string;
  /** Names of the other layers this one may import (its own files it always may). */
  readonly mayImport: readonly string[];
}

/**
 * Reads the layer table from docs/architecture.md: the rows of the first table after the
 * `## Layers` heading whose first cell is a backticked path under `src/`. The last cell lists
 * the layers that may be imported as backticked names, or `nothing`.
 * @example parseLayerTable('## Layers\n| layer | what | may import |\n|---|---|---|\n| `src/lib/io` | Arrow | `base` |')
 * // → [{ name: 'io', path: 'src/lib/io', mayImport: ['base'] }]
 */
export function parseLayerTable(markdown: string): Layer[] {
  const start = markdown.search(/^## Layers\s*$/m);
  if (start < 0) throw new Error('docs/architecture.md has no "## Layers" section');
  const layers: Layer[] = [];
  for (const line of markdown.slice(start).split('\n').slice(1)) {
    if (line.startsWith('## ')) break;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const path = /^`(src\/[^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (path === undefined) continue;
    const last = cells[cells.length - 1];
    const mayImport = [...last.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    if (mayImport.length === 0 && last !== 'nothing') throw new Error(`layer table row ${path}: "may import" must list backticked layers or say nothing`);
    layers.push({ name: path.replace(/^src\/(lib\/)?/, ''), path, mayImport });
  }
  if (layers.length === 0) throw new Error('docs/architecture.md: the "## Layers" section has no table rows');
  return layers;
}
