import type { Forecaster } from '../forecast/forecaster';
import type { ModelDefinition } from '../forecast/model-definition';
import type { Panel } from '../grid/panel';

/** The oracle's model id and display name. */
export const ORACLE_ID = 'oracle';
export const ORACLE_NAME = 'oracle (true rate)';

/**
 * A model that knows a simulated world's true intensity (not a real model): at a cutoff it
 * forecasts `rates` for the next periods, `rates[p * C + c]` laid out like the panel's counts,
 * for the cells of the history it was fitted on (the fold's model universe; a cell outside the
 * panel gets 0).
 * It marks the ceiling: in expectation no forecast scores better on deviance, and none ranks
 * cells better than the true rates (Gneiting & Raftery 2007 on proper scores).
 * @example oracleModel(panel, rates).create({}, { res: 8, bucket }).predict(1) // the rates of the period after the last fit
 */
export function oracleModel(panel: Pick<Panel, 'cells' | 'periods'>, rates: Float32Array): ModelDefinition {
  const position = new Map(panel.cells.map((cell, i) => [cell, i]));
  return {
    id: ORACLE_ID,
    label: 'Oracle (true rate)',
    kind: 'learned',
    summary: 'Forecasts the true simulated rate: the ceiling no model can beat.',
    params: [],
    create: (): Forecaster => {
      let cutoff = 0;
      let index: Int32Array = new Int32Array(0);
      return {
        name: ORACLE_NAME,
        minHistory: 1,
        fit(history) {
          cutoff = panel.periods.indexOf(history.periods[history.periods.length - 1]) + 1;
          index = Int32Array.from(history.cells, (cell) => position.get(cell) ?? -1);
        },
        predict(horizon) {
          const C = panel.cells.length;
          const U = index.length;
          const out = new Float32Array(horizon * U);
          for (let h = 0; h < horizon; h++) for (let u = 0; u < U; u++) out[h * U + u] = index[u] < 0 ? 0 : rates[(cutoff + h) * C + index[u]];
          return out;
        },
      };
    },
  };
}
