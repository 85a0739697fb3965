import type { ImportGraph } from './import-graph';
import type { Layer } from './layer-table';

/**
 * The layer of a file: the layer whose path is the longest prefix of the file's path (so
 * `src/app/report/x.svelte` is in `app/report`, not `app`), or undefined.
 * @example layerOf('src/lib/grid/h3.ts', layers)?.name // → 'grid'
 */
export function layerOf(file: string, layers: readonly Layer[]): Layer | undefined {
  let best: Layer | undefined;
  for (const layer of layers) {
    const inside = file === layer.path || file.startsWith(`${layer.path}/`);
    if (inside && (best === undefined || layer.path.length > best.path.length)) best = layer;
  }
  return best;
}

/**
 * Every way the import graph breaks the layer table, as readable lines (empty when it holds):
 * - the table itself names an unknown layer or has a cycle (A may import B … may import A);
 * - a file belongs to no layer;
 * - a file imports a file of a layer its own layer may not import (an upward import);
 * - files import each other in a cycle (within one layer too, e.g. `main.ts` ↔ a command).
 * Package imports are not checked here, except that `src/lib` never imports Svelte.
 * @example checkLayers({ files: ['src/lib/io/a.ts', 'src/lib/grid/b.ts'], edges: [{ from: 'src/lib/io/a.ts', to: 'src/lib/grid/b.ts', specifier: '../grid/b' }] }, layers)
 * // → ["upward import: src/lib/io/a.ts (io) imports src/lib/grid/b.ts (grid); io may import base"]
 */
export function checkLayers(graph: ImportGraph, layers: readonly Layer[]): string[] {
  const problems: string[] = [];
  const byName = new Map(layers.map((layer) => [layer.name, layer]));
  for (const layer of layers) {
    for (const name of layer.mayImport) if (!byName.has(name)) problems.push(`layer table: ${layer.name} may import unknown layer ${name}`);
  }
  const tableEdges = layers.flatMap((layer) => layer.mayImport.filter((name) => byName.has(name)).map((name) => ({ from: layer.name, to: name })));
  for (const cycle of cyclesOf(tableEdges)) problems.push(`layer table cycle: ${cycle.join(' → ')}`);

  for (const file of graph.files) if (layerOf(file, layers) === undefined) problems.push(`no layer: ${file}`);
  for (const edge of graph.edges) {
    const from = layerOf(edge.from, layers);
    const to = layerOf(edge.to, layers);
    if (from === undefined || to === undefined || from === to) continue;
    if (!from.mayImport.includes(to.name)) {
      const allowed = from.mayImport.length > 0 ? from.mayImport.join(', ') : 'nothing';
      problems.push(`upward import: ${edge.from} (${from.name}) imports ${edge.to} (${to.name}); ${from.name} may import ${allowed}`);
    }
  }
  for (const edge of graph.edges) {
    if (edge.from.startsWith('src/lib/') && edge.to.endsWith('.svelte')) problems.push(`svelte in core: ${edge.from} imports ${edge.to}`);
  }
  for (const cycle of cyclesOf(graph.edges)) problems.push(`import cycle: ${cycle.join(' → ')}`);
  return problems;
}

/**
 * One cycle per strongly connected component with more than one node (or a self-loop), found
 * with Tarjan's algorithm (Tarjan 1972, "Depth-first search and linear graph algorithms"); each
 * cycle is listed from its smallest node and closed, e.g. `['a', 'b', 'a']`.
 * @example cyclesOf([{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }]) // → [['a', 'b', 'a']]
 */
export function cyclesOf(edges: readonly { readonly from: string; readonly to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from)!.push(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node)!) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || next.get(node)!.includes(node)) components.push(component);
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => closedPath(component, next));
}

/** A closed walk through a strongly connected component, starting at its smallest node. */
function closedPath(component: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0];
  // Breadth-first search from start back to start inside the component gives a shortest cycle.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of next.get(node)!) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
