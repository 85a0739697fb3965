import { Dictionary, Int32, Int64, TimestampMillisecond, Uint64, Utf8, Float64, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cellOf, diskOf } from './h3';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { arrowTableBytes } from '../io/arrow-table-bytes';
import { isPanelSource, panelFileBytes, panelFileChunks, panelFileOrigin, readPanelFile } from './panel-file';
import { readArrow } from '../io/read-arrow';

const DAY = 86_400_000;
const source = (columns: Record<string, Vector>, name = 'panel.arrow') => readArrow(arrowTableBytes(columns), name);

describe('panel files', () => {
  it('round-trips a panel exactly, keeping empty periods at the edges and all-zero cells', () => {
    const { panel } = syntheticPanel({ rings: 2, periods: 30, seed: 2, rate: ({ ring, period }) => (period < 2 || period > 27 ? 0 : ring === 2 ? 0 : 1.5) });
    const back = readPanelFile([readArrow(panelFileBytes(panel), 'p.arrow')]).panel;
    expect(back.cells).toEqual(panel.cells);
    expect(Array.from(back.periods)).toEqual(Array.from(panel.periods));
    expect(back.end).toBe(panel.end);
    expect(Array.from(back.counts)).toEqual(Array.from(panel.counts));
    expect(Array.from(back.area)).toEqual(Array.from(panel.area));
    expect(back.bucket).toEqual(panel.bucket);
    expect(back.res).toBe(8);
  });

  it('writes the columns straight from typed arrays: dictionary keys in first-appearance order, int64 words of pre-1970 periods, fractional counts as float32', () => {
    const cells = diskOf({ cell: cellOf({ lat: 41.88, lng: -87.63, res: 8 }), k: 1 })[1]
      .sort()
      .slice(0, 3);
    const [a, b, c] = cells;
    // Two wall-clock days before 1970 (negative ms); b has 1.5 on the first, a 2 on the second, c nothing: a zero row keeps it.
    const panel = {
      res: 8,
      bucket: { unit: 'day' as const, clock: 'wall' as const, timeZone: 'UTC' },
      cells,
      area: Float64Array.of(1, 2, 3),
      periods: Float64Array.of(-2 * DAY, -DAY),
      end: 0,
      counts: Float32Array.of(0, 1.5, 0, 2, 0, 0),
    };
    const table = readArrow(panelFileBytes(panel), 'p.arrow').table;
    const column = (name: string): unknown[] => Array.from({ length: table.numRows }, (_, i) => table.getChild(name)!.get(i));
    expect(column('cell')).toEqual([b, a, c]);
    expect(Array.from(table.getChild('cell')!.data[0].dictionary!.toArray())).toEqual([b, a, c]);
    expect(column('period').map(Number)).toEqual([-2 * DAY, -DAY, -2 * DAY]);
    expect(column('count')).toEqual([1.5, 2, 0]);
    expect(String(table.getChild('count')!.type)).toBe('Float32');
    expect(column('area_m2')).toEqual([2, 1, 3]);
  });

  it('reads a DuckDB-style file: uint64 cells, zoned timestamps, int64 counts, gaps filled with 0', () => {
    const [a, b] = diskOf({ cell: cellOf({ lat: 41.88, lng: -87.63, res: 9 }), k: 1 })[1].sort();
    const day = (d: number): number => Date.UTC(2018, 0, 1 + d, 6); // local midnight in Chicago (CST)
    const file = source({
      cell: vectorFromArray([BigInt(`0x${a}`), BigInt(`0x${b}`), BigInt(`0x${a}`)], new Uint64()),
      period: vectorFromArray([day(0), day(0), day(3)], new TimestampMillisecond('America/Chicago')),
      count: vectorFromArray([BigInt(2), BigInt(5), BigInt(1)], new Int64()),
    });
    expect(isPanelSource(file)).toBe(true);
    const { panel, report } = readPanelFile([file]);
    expect(panel.cells).toEqual([a, b]);
    expect(panel.bucket).toEqual({ unit: 'day', timeZone: 'America/Chicago', clock: 'instant' });
    expect(panel.periods.length).toBe(4);
    expect(Array.from(panel.counts)).toEqual([2, 5, 0, 0, 0, 0, 1, 0]);
    expect(report).toMatchObject({ read: 3, used: 3, duplicates: 0 });
  });

  it('counts every row it cannot use, by reason, and sums repeated (cell, period) rows', () => {
    const cell = cellOf({ lat: 41.88, lng: -87.63, res: 8 });
    const file = source({
      cell: vectorFromArray([cell, null, 'nonsense', cell, cell, cell, cell], new Dictionary(new Utf8(), new Int32())),
      period: vectorFromArray([0, 0, 0, null, 0, DAY, DAY], new TimestampMillisecond()),
      count: vectorFromArray([1, 1, 1, 1, -2, 3, 4], new Float64()),
    });
    const { panel, report } = readPanelFile([file]);
    expect(report.dropped).toEqual({ 'cell-null': 1, 'cell-invalid': 1, 'period-null': 1, 'count-invalid': 1 });
    expect(report.read).toBe(report.used + 4);
    expect(report.duplicates).toBe(1);
    expect(Array.from(panel.counts)).toEqual([1, 7]);
    expect(report.warnings).toContain('1 rows repeated a (cell, period) pair; their counts were added together');
  });

  it('refuses periods off the bucket grid, mixed resolutions and empty files, naming the row', () => {
    const cell8 = cellOf({ lat: 41.88, lng: -87.63, res: 8 });
    const cell9 = cellOf({ lat: 41.88, lng: -87.63, res: 9 });
    const offGrid = source({
      cell: vectorFromArray([cell8, cell8], new Dictionary(new Utf8(), new Int32())),
      period: vectorFromArray([Date.UTC(2018, 0, 1), Date.UTC(2018, 0, 10)], new TimestampMillisecond()),
      count: vectorFromArray([1, 1], new Float64()),
    });
    expect(() => readPanelFile([offGrid], { unit: 'week' })).toThrow(
      /row 1: period 2018-01-10T00:00:00.000Z is not the start of a week bucket in UTC \(weeks start on Monday\)/,
    );
    const mixed = source({
      cell: vectorFromArray([cell8, cell9], new Dictionary(new Utf8(), new Int32())),
      period: vectorFromArray([0, DAY], new TimestampMillisecond()),
      count: vectorFromArray([1, 1], new Float64()),
    });
    expect(() => readPanelFile([mixed])).toThrow(/mixes H3 resolutions: row 1 has cell .* at resolution 9, earlier rows are at 8/);
    const missing = source({
      cell: vectorFromArray([cell8], new Dictionary(new Utf8(), new Int32())),
      period: vectorFromArray([0], new TimestampMillisecond()),
    });
    expect(isPanelSource(missing)).toBe(false);
    expect(() => readPanelFile([missing])).toThrow(/has no column 'count'/);
  });
});

describe('panelFileOrigin', () => {
  it('round-trips the row accounting and the trimmed partial periods that hexcast bin records; null when none was recorded', () => {
    const { panel } = syntheticPanel({ rings: 1, periods: 4, seed: 1, rate: () => 1 });
    const origin = {
      files: [{ name: 'in.arrow', bytes: 10, rows: 12 }],
      sha256: 'ab',
      rows: { read: 12, kept: 10, dropped: { 'location-null': 2 } },
      binning: {
        input: 10,
        binned: 7,
        trimmedFirst: 3,
        trimmedLast: 0,
        notes: ['the first week (starting 2018-01-01) is only partly covered by the data: dropped'],
      },
    };
    expect(panelFileOrigin(readArrow(panelFileBytes(panel, origin), 'p.arrow'))).toEqual(origin);
    expect(panelFileOrigin(readArrow(panelFileBytes(panel), 'p.arrow'))).toBeNull();
  });
});

describe('panelFileChunks', () => {
  it('gives the bytes of panelFileBytes piece by piece, in order, with and without an origin', async () => {
    const { panel } = syntheticPanel({ rings: 2, periods: 9, seed: 3, rate: () => 0.7 });
    const origin = { files: [{ name: 'in.arrow', bytes: 10, rows: 12 }], sha256: 'cd', rows: { read: 12, kept: 12, dropped: {} } };
    for (const given of [origin, undefined]) {
      const pieces: Uint8Array[] = [];
      for await (const piece of panelFileChunks(panel, given)) pieces.push(piece);
      expect(pieces.length).toBeGreaterThan(1);
      const joined = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
      pieces.reduce((at, piece) => (joined.set(piece, at), at + piece.length), 0);
      expect(Buffer.from(joined).equals(Buffer.from(panelFileBytes(panel, given)))).toBe(true);
      new Dictionary(new Utf8(), new Int32()); // another dictionary made in the process between two writes: the same bytes (cell dictionary id 0)
    }
  });
});
