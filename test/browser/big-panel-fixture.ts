/**
 * A large pre-binned panel as a bigger engine writes it: an H3 disk of radius `k` at res 9
 * around Chicago × `days` days, `cell` UBIGINT, `period` zone-less timestamp, `count` BIGINT,
 * only the non-zero cell-days (about 4 %). Counts are a deterministic hash of (cell, day), so the
 * browser test, bench/big-panel.ts and bench/map-frames.ts agree on every number.
 */
import { Int64, Table, TimestampMillisecond, Uint64, tableToIPC, vectorFromArray } from 'apache-arrow';
import { cellOf, diskOf } from '../../src/lib/grid/h3';

/** The panel's rows as columns, its Arrow IPC file, and each cell's total. */
export interface BigPanel {
  readonly cells: string[];
  readonly ids: bigint[];
  readonly start: number;
  readonly cellColumn: bigint[];
  readonly periodColumn: number[];
  readonly countColumn: bigint[];
  readonly bytes: Uint8Array;
  /** Incidents per cell, in the order of `cells`. */
  readonly totals: number[];
  readonly incidents: number;
}

/** Builds the panel of an H3 disk of radius `k` (3k(k+1)+1 cells; k = 129 → 50,311) × `days` days from 2015-01-01. */
export function bigPanel(k: number, days: number): BigPanel {
  const cells = diskOf({ cell: cellOf({ lat: 41.84, lng: -87.68, res: 9 }), k }).flat();
  const ids = cells.map((cell) => BigInt(`0x${cell}`));
  const start = Date.UTC(2015, 0, 1);
  const cellColumn: bigint[] = [];
  const periodColumn: number[] = [];
  const countColumn: bigint[] = [];
  const totals = new Array<number>(cells.length).fill(0);
  let incidents = 0;
  for (let d = 0; d < days; d++) {
    for (let c = 0; c < cells.length; c++) {
      const h = Math.imul(c * 2654435761 + d * 40503, 2246822519) >>> 0;
      const rate = 0.01 + (0.06 * ((c * 7919) % 101)) / 100;
      if (h / 4294967296 >= rate) continue;
      const n = 1 + (h % 3);
      cellColumn.push(ids[c]);
      periodColumn.push(start + d * 86_400_000);
      countColumn.push(BigInt(n));
      totals[c] += n;
      incidents += n;
    }
  }
  const bytes = tableToIPC(
    new Table({
      cell: vectorFromArray(cellColumn, new Uint64()),
      period: vectorFromArray(periodColumn, new TimestampMillisecond()),
      count: vectorFromArray(countColumn, new Int64()),
    }),
    'file',
  );
  return { cells, ids, start, cellColumn, periodColumn, countColumn, bytes, totals, incidents };
}
