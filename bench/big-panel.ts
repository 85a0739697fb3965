/**
 * Issue 14: a pre-binned panel of 50,311 cells (an H3 disk of k = 129 at res 9 around Chicago)
 * × 1,000 days, as a bigger engine would write it (`cell` UBIGINT, `period` zone-less timestamp,
 * `count` BIGINT; only the non-zero cell-days, about 4 % of them), read into a dense Panel by
 * the CLI's and the worker's path (`readSource` → `readPanelFile`), then a backtest of two
 * baselines on 4 daily folds. The plain implementation is a straight loop over the same rows into
 * a dense Float32Array with a Map from cell id to column, measured in the same run.
 * `npm run bench -- big-panel [cells-k] [days]`.
 */
import { backtest } from '../src/lib/evaluate/backtest';
import { protocolOf } from '../src/lib/evaluate/protocol';
import { BASELINES } from '../src/lib/forecast/baselines';
import { readPanelFile } from '../src/lib/grid/panel-file';
import { readSource } from '../src/lib/io/read-source';
import { hexGeometry } from '../src/lib/plots/hex-geometry';
import { bigPanel } from '../test/browser/big-panel-fixture';
import { emit, peakRssMb, timed } from './measure';

const k = Number(process.argv[2] ?? 129);
const days = Number(process.argv[3] ?? 1000);
// Deterministic sparse counts: cell c has an incident on day d when a hash of (c, d) falls below its rate.
const { cells, ids, start, cellColumn, periodColumn, countColumn, bytes } = bigPanel(k, days);
const rows = cellColumn.length;

// Plain: one pass over the rows into a dense days × cells Float32Array.
const [plainTotal, plainMs] = await timed(() => {
  const column = new Map<bigint, number>();
  ids.forEach((id, c) => column.set(id, c));
  const dense = new Float32Array(days * cells.length);
  for (let i = 0; i < rows; i++) dense[((periodColumn[i] - start) / 86_400_000) * cells.length + column.get(cellColumn[i])!] += Number(countColumn[i]);
  return dense.reduce((s, v) => s + v, 0);
});

const [source, readMs] = await timed(() => readSource(bytes, 'big-panel.arrow'));
const [{ panel, report }, panelMs] = await timed(() => readPanelFile([source]));
const total = panel.counts.reduce((s, v) => s + v, 0);
if (total !== plainTotal || panel.cells.length !== cells.length || panel.periods.length !== days) {
  throw new Error(`big panel mismatch: ${total} vs ${plainTotal}, ${panel.cells.length} cells, ${panel.periods.length} periods`);
}
const loadRssMb = Math.round(peakRssMb());
// The worker's map geometry for the app (one SVG path per cell), sent once per panel.
const [geometry, geometryMs] = await timed(() => hexGeometry(panel.cells));
const geometryKb = Math.round(geometry.paths.reduce((n, path) => n + path.length, 0) / 1000);

const [result, backtestMs] = await timed(() =>
  backtest({
    panel,
    protocol: protocolOf({ horizon: 1, folds: 4, step: 1 }),
    models: [
      { id: 'naive', params: {} },
      { id: 'historic-average', params: {} },
    ],
    definitions: BASELINES,
    data: { kind: 'panel', files: [], sha256: '', rows: { read: report.read, kept: report.used, dropped: {} } },
    environment: { hexcast: 'bench', runtime: process.version, libraries: {} },
  }),
);

emit({
  name: `pre-binned panel: ${cells.length.toLocaleString('en-US')} cells × ${days.toLocaleString('en-US')} days (${rows.toLocaleString('en-US')} non-zero rows)`,
  fileMb: Math.round(bytes.length / 1e6),
  readMs: Math.round(readMs),
  panelMs: Math.round(panelMs),
  plainMs: Math.round(plainMs),
  ratio: Number(((readMs + panelMs) / plainMs).toFixed(1)),
  loadRssMb,
  geometryMs: Math.round(geometryMs),
  geometryKb,
  backtestMs: Math.round(backtestMs),
  backtestFolds: result.report.cutoffs.length,
});
