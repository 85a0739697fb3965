import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIncidents } from '../../../bench/generate-incidents';
import { HexcastError } from '../base/hexcast-error';
import type { ColumnMapping } from '../io/column-mapping';
import { sha256Hex } from '../io/sha256-hex';
import { loadMapped, openFiles } from '../pipeline/load';
import type { Progress } from './protocol';
import { Session } from './session';

// The app posts the dropped File itself; the worker streams it (`openStreams` over `blobSource`).
// A generated Chicago-shaped file of 140,000 rows is three record batches (65,536 rows each).
const ROWS = 140_000;
const MAPPING: ColumnMapping = {
  time: { column: 'occurred_at' },
  location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
  category: 'primary_type',
};
let bytes: Uint8Array;

beforeAll(async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'hexcast-session-stream-')), 'incidents.arrow');
  await generateIncidents(path, ROWS);
  bytes = new Uint8Array(readFileSync(path));
}, 60_000);

const session = (): Session => new Session(() => Promise.reject(new Error('no tfjs here')));
const blobOf = (b: Uint8Array): Blob => new Blob([b.slice().buffer as ArrayBuffer]);

describe('Session.open of a streamed File (Blob)', () => {
  it('reads it batch by batch with progress, and fingerprints and loads it exactly as the whole-bytes path (the CLI’s openFiles)', async () => {
    const s = session();
    const events: Extract<Progress, { stage: 'read' }>[] = [];
    const opened = await s.open([{ name: 'g.arrow', file: blobOf(bytes) }], (p) => {
      if (p.stage === 'read') events.push(p);
    });
    expect(opened.sources[0].rows).toBe(ROWS);
    expect(opened.sha256).toBe(await sha256Hex(bytes));
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)).toMatchObject({ file: 0, files: 1, name: 'g.arrow', bytes: bytes.length, size: bytes.length, rows: ROWS, batches: 3 });
    expect(events.map((e) => e.rows)).toEqual([...events.map((e) => e.rows)].sort((a, b) => a - b));

    const loaded = await s.load(MAPPING);
    const whole = loadMapped(await openFiles([{ name: 'g.arrow', bytes }]), MAPPING).incidents.report;
    expect(loaded.report.read).toBe(ROWS);
    expect(loaded.report.kept).toBe(whole.kept);
    expect(loaded.report.dropped).toEqual(whole.dropped);
  });

  it('an abort mid-file rejects the open and keeps the file opened before, still loadable', async () => {
    const s = session();
    const first = await s.open([{ name: 'first.arrow', file: blobOf(bytes) }]);
    const controller = new AbortController();
    const opening = s.open(
      [{ name: 'second.arrow', file: blobOf(bytes) }],
      (p) => {
        if (p.stage === 'read') controller.abort(new DOMException('cancelled', 'AbortError'));
      },
      { signal: controller.signal },
    );
    await expect(opening).rejects.toMatchObject({ name: 'AbortError' });
    const loaded = await s.load(MAPPING);
    expect(loaded.report.read).toBe(first.sources[0].rows);
  });
});

describe('Session.panelChoices', () => {
  it('after a refusal, names the panel asked for and grids that fit the budget; binning at each choice succeeds within it', async () => {
    const s = session();
    await s.open([{ name: 'g.arrow', bytes: bytes.slice().buffer as ArrayBuffer }]);
    await s.load(MAPPING);
    const full = s.bin({ res: 9, unit: 'day', timeZone: null, categories: null });
    const maxValues = Math.floor((full.cells.length * full.periods.length) / 4);
    const settings = { res: 9, unit: 'day' as const, timeZone: null, categories: null, maxValues };
    let refused: unknown;
    try {
      s.bin(settings);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HexcastError);
    expect((refused as HexcastError).code).toBe('panel-too-large');

    // res 9 is the finest asked, so its cells are indexed directly (coarser levels are parents: ≈)
    const { wanted, choices } = s.panelChoices(settings, [5, 6, 7, 8, 9]);
    expect(wanted).toMatchObject({ res: 9, unit: 'day', cells: full.cells.length, periods: full.periods.length });
    expect(wanted.bytes).toBe(4 * wanted.cells * wanted.periods + 8 * (wanted.cells + wanted.periods));
    expect(choices.length).toBeGreaterThan(0);
    for (const choice of choices) {
      expect(choice.periods * choice.cells).toBeLessThanOrEqual(maxValues);
      expect(choice.res).toBeLessThanOrEqual(9);
      const binned = s.bin({ ...settings, res: choice.res, unit: choice.unit });
      expect(binned.size.cells * binned.size.periods).toBeLessThanOrEqual(maxValues);
    }
    // daily at res 9 is the finest asked: the first choice keeps days at a coarser resolution
    expect(choices[0]).toMatchObject({ unit: 'day' });
    expect(choices[0].res).toBeLessThan(9);
  });
});
