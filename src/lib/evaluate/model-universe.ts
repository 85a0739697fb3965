import type { Panel } from '../grid/panel';

/**
 * The first period in which each cell of a panel has an incident (`P`, the number of periods,
 * for a cell that never has one). Cell c is in the model universe at cutoff t when
 * `first[c] < t`.
 * @example firstIncidentPeriods(panel)[c] // → 3 when cell c's first incident is in period 3
 */
export function firstIncidentPeriods(panel: Pick<Panel, 'cells' | 'periods' | 'counts'>): Int32Array {
  const C = panel.cells.length;
  const P = panel.periods.length;
  const first = new Int32Array(C).fill(P);
  let open = C;
  for (let p = 0; p < P && open > 0; p++) {
    for (let c = 0; c < C; c++) {
      if (first[c] === P && panel.counts[p * C + c] > 0) {
        first[c] = p;
        open--;
      }
    }
  }
  return first;
}

/**
 * The model universe at a cutoff: the ascending indexes of the cells with an incident in
 * periods [0, cutoff) — the whole past, whatever the training window — and of every cell
 * marked in `declared` (the H3 cover of a user's boundary). Models are fitted on these cells
 * only, so nothing about a cell that first appears at or after the cutoff can reach them.
 * @example modelUniverse(Int32Array.of(0, 5, 2), 3) // → Int32Array [0, 2]
 */
export function modelUniverse(first: Int32Array, cutoff: number, declared?: Uint8Array): Int32Array {
  if (declared && declared.length !== first.length)
    throw new RangeError(`The declared cells mask has ${declared.length} entries; the panel has ${first.length} cells`);
  const out: number[] = [];
  for (let c = 0; c < first.length; c++) if (first[c] < cutoff || declared?.[c]) out.push(c);
  return Int32Array.from(out);
}
