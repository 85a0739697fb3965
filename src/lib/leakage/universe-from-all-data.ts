import type { Panel } from '../grid/panel';

/**
 * LEAKY — the future-geography leak fixed in Hexcast's honesty issue: a "declared" mask holding
 * every cell with an incident anywhere in the panel (and the honestly declared cells, if any).
 * Passed to `runForecasts` as its `declared` cells, it puts every such cell in every fold's model
 * universe, so a model fitted at a cutoff pools, smooths and normalises over cells whose first
 * incident is still in the future — what every fold saw before the fix, when the panel built
 * from the whole file went to the models as it was. Only the leakage lab calls it.
 * @example cellsWithAnyIncident(panel).reduce((n, x) => n + x, 0) // → cells with at least one incident
 */
export function cellsWithAnyIncident(panel: Panel, declared?: Uint8Array): Uint8Array {
  const C = panel.cells.length;
  const mask = declared ? Uint8Array.from(declared) : new Uint8Array(C);
  for (let i = 0; i < panel.counts.length; i++) if (panel.counts[i] > 0) mask[i % C] = 1;
  return mask;
}
