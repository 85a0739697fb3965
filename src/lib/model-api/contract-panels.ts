import { areaOf, cellOf, diskOf } from '../grid/h3';
import { neighbours } from '../grid/neighbours';
import { assertPanel, type Panel } from '../grid/panel';
import type { Forecaster } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import { syntheticPanel } from '../simulate/synthetic-panel';

/**
 * The panels the Forecaster contract is checked on (`checkForecaster`, and the built-in models'
 * contract tests in test/contract): a small weekly panel and a pair that differs only from a
 * period on, so that a forecast made before it must not change.
 */

/**
 * A small weekly panel (19 cells × 80 weeks, H3 resolution 8 around Chicago's centre) with a
 * seasonal cycle of 13 weeks and a hot centre: λ = (3 − ring)(1 + ½ sin(2πt/13)).
 * @example contractPanel().cells.length // → 19 (1 + 6 + 12)
 */
export function contractPanel(seed = 7): Panel {
  return syntheticPanel({
    rings: 2,
    periods: 80,
    seed,
    rate: ({ ring, period }) => (3 - ring) * (1 + 0.5 * Math.sin((2 * Math.PI * period) / 13)),
  }).panel;
}

/** A panel on the periods of `base` with the given cells' counts (each `periods` long), cells sorted. */
function panelOf(base: Panel, series: ReadonlyMap<string, Float32Array>): Panel {
  const cells = [...series.keys()].sort();
  const P = base.periods.length;
  const C = cells.length;
  const counts = new Float32Array(P * C);
  cells.forEach((cell, c) => series.get(cell)!.forEach((y, p) => (counts[p * C + c] = y)));
  return assertPanel({ ...base, cells, area: Float64Array.from(cells, areaOf), counts });
}

/**
 * Two panels that agree on every count before period `t` and on nothing after it. `before` is
 * `contractPanel()` plus its third ring: six cells whose first incidents come at `t` or later,
 * six with a few incidents all along, six that never have one. `after` deletes three of the
 * late cells, adds six new cells (fourth ring) with incidents only from `t` on, gives three of
 * the empty cells incidents from `t` on, deletes the sparse cells' incidents from `t` on and
 * redraws every count of the contract panel's cells from `t` on.
 * @example panelsDifferingFrom(76).after.cells.length // → 19 + 18 − 3 + 6 = 40
 */
export function panelsDifferingFrom(t: number): { before: Panel; after: Panel } {
  const base = contractPanel();
  const P = base.periods.length;
  const C = base.cells.length;
  const origin = cellOf({ lat: 41.8781, lng: -87.6298, res: 8 });
  const ring3 = diskOf({ cell: origin, k: 3 })[3];
  const ring4 = diskOf({ cell: origin, k: 4 })[4];
  const series = (f: (p: number) => number): Float32Array => Float32Array.from({ length: P }, (_, p) => f(p));
  const before = new Map<string, Float32Array>();
  const after = new Map<string, Float32Array>();
  base.cells.forEach((cell, c) => {
    before.set(
      cell,
      series((p) => base.counts[p * C + c]),
    );
    after.set(
      cell,
      series((p) => (p < t ? base.counts[p * C + c] : (p * 7919 + c * 104729) % 6)),
    );
  });
  ring3.forEach((cell, i) => {
    if (i < 6) {
      before.set(
        cell,
        series((p) => (p < t ? 0 : 1 + ((p + i) % 3))),
      );
      if (i >= 3)
        after.set(
          cell,
          series((p) => (p < t ? 0 : 2)),
        );
    } else if (i < 12) {
      const sparse = (p: number): number => ((p + i) % 9 === 0 ? 1 : 0);
      before.set(cell, series(sparse));
      after.set(
        cell,
        series((p) => (p < t ? sparse(p) : 0)),
      );
    } else {
      before.set(
        cell,
        series(() => 0),
      );
      after.set(
        cell,
        series((p) => (p >= t && i < 15 ? 4 : 0)),
      );
    }
  });
  ring4.slice(0, 6).forEach((cell, i) =>
    after.set(
      cell,
      series((p) => (p < t ? 0 : 1 + i)),
    ),
  );
  return { before: panelOf(base, before), after: panelOf(base, after) };
}

/**
 * Fits a fresh model on `panel`'s periods before `cutoff` (2-ring neighbour lists, 8 validation
 * periods) and predicts `horizon` steps; the model is disposed afterwards.
 * @example await forecastAt(() => naive(), contractPanel(), 60, 3) // → Float32Array(3 × 19)
 */
export async function forecastAt(make: () => Forecaster, panel: Panel, cutoff: number, horizon: number, seed = 1): Promise<Float32Array> {
  const model = make();
  try {
    const history = historyOf(panel, neighbours(panel.cells, 2), cutoff);
    await model.fit(history, { seed, validation: 8 });
    return model.predict(horizon);
  } finally {
    model.dispose?.();
  }
}
