import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMappingCrs } from '../io/load-crs';
import { binLoaded, panelTotals, type BinSettings } from '../pipeline/bin';
import { loadMapped, openFiles } from '../pipeline/load';
import { WorkerClient, isAbort, type ClientPort } from './client';
import type { Progress } from './protocol';
import { serve, type ServerPort } from './serve';
import { Session } from './session';

// A streamed file keeps no rows, so a new category filter is decoded again inside the worker's
// 'bin' request: it must report progress as the first load does and stop on Cancel between
// record batches, leaving the panel binned before in place.
const PORTLAND = readFileSync(new URL('../../../public/samples/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url));
const MAPPING = {
  time: { column: 'occ_date' },
  location: { kind: 'xy' as const, x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};
const ALL: BinSettings = { res: 8, unit: 'month', timeZone: null, categories: null };
const BURGLARY: BinSettings = { ...ALL, categories: ['BURGLARY'] };

/** Portland (15,206 rows) re-written as record batches of 4,000 rows: 4 batches. */
function rebatched(): Uint8Array {
  const [batch] = tableFromIPC(PORTLAND).batches;
  const parts = [];
  for (let at = 0; at < batch.numRows; at += 4000) parts.push(batch.slice(at, Math.min(at + 4000, batch.numRows)));
  return tableToIPC(new Table(parts), 'file');
}
const BYTES = rebatched();
const blob = (): Blob => new Blob([BYTES.slice().buffer as ArrayBuffer]);

/** The whole-file path's panel totals for `settings`. */
async function wholeTotals(settings: BinSettings): Promise<{ cells: readonly string[]; cellTotals: Float32Array }> {
  const opened = await openFiles([{ name: 'portland.arrow', bytes: BYTES }]);
  await loadMappingCrs(MAPPING);
  const binned = binLoaded(opened, loadMapped(opened, MAPPING), settings);
  return { cells: binned.panel.cells, cellTotals: panelTotals(binned.panel).cellTotals };
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('a streamed file re-decoded for a category filter', () => {
  it('Session.prepareBin reports a start message and rows decoded batch by batch, like the first load, and the panel equals the whole-file one', async () => {
    const session = new Session(() => Promise.reject(new Error('no tfjs here')));
    await session.open([{ name: 'portland.arrow', file: blob() }], undefined, { streamFrom: 0 });
    await session.load(MAPPING);
    session.bin(ALL);
    const seen: Progress[] = [];
    await session.prepareBin(BURGLARY, (p) => seen.push(p));
    expect(seen[0]).toEqual({ stage: 'load', message: 'Decoding 15,206 rows again for BURGLARY' });
    expect(seen.slice(1).map((p) => p.stage === 'read' && [p.rows, p.batches])).toEqual([
      [4000, 1],
      [8000, 2],
      [12000, 3],
      [15206, 4],
    ]);
    const got = session.bin(BURGLARY);
    const want = await wholeTotals(BURGLARY);
    expect(got.cells).toEqual(want.cells);
    expect(got.cellTotals).toEqual(want.cellTotals);
    expect(got.report.binned).toBe(5364); // Portland's BURGLARY rows (all within the span)
  });

  it('an abort between record batches stops the decode; the panel binned before stays, and the same filter decodes in full afterwards', async () => {
    const session = new Session(() => Promise.reject(new Error('no tfjs here')));
    await session.open([{ name: 'portland.arrow', file: blob() }], undefined, { streamFrom: 0 });
    await session.load(MAPPING);
    const before = session.bin(ALL);
    const controller = new AbortController();
    const rows: number[] = [];
    const decoding = session.prepareBin(
      BURGLARY,
      (p) => {
        if (p.stage !== 'read') return;
        rows.push(p.rows);
        controller.abort(new DOMException('cancelled', 'AbortError'));
      },
      { signal: controller.signal },
    );
    await expect(decoding).rejects.toMatchObject({ name: 'AbortError' });
    expect(rows).toEqual([4000]); // no batch decoded after the abort
    const held = (session as unknown as { binned: { panel: { cells: readonly string[] } } }).binned;
    expect(held.panel.cells).toEqual(before.cells); // the panel binned before, all categories
    // The aborted decode was not kept: the filter is still pending and decodes in full.
    expect(() => session.bin(BURGLARY)).toThrow('decoded by prepareBin');
    await session.prepareBin(BURGLARY);
    expect(session.bin(BURGLARY).report.binned).toBe(5364);
  });

  it("the worker's 'bin' request forwards the decode's progress and stops on cancel with an AbortError; a later bin completes", async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const session = new Session(() => Promise.reject(new Error('no tfjs here')));
    serve(channel.port2 as unknown as ServerPort, session);
    const client = new WorkerClient(channel.port1 as unknown as ClientPort);
    channel.port1.start();
    channel.port2.start();
    await client.request('open', { files: [{ name: 'portland.arrow', file: blob() as File }], streamFrom: 0 });
    await client.request('load', { mapping: MAPPING });
    const before = await client.request('bin', { settings: ALL });
    const seen: Progress[] = [];
    let cancelled: Promise<{ cancelled: boolean }> | undefined;
    const bin = client.start(
      'bin',
      { settings: BURGLARY },
      {
        onProgress: (p) => {
          seen.push(p);
          cancelled ??= client.cancel(bin.id); // at the start message: the decode stops at the first batch boundary it reaches
        },
      },
    );
    const error = await bin.result.catch((e: Error) => e);
    expect(isAbort(error)).toBe(true);
    expect((error as Error).message).toBe('Decoding the category filter was cancelled');
    expect(await cancelled).toEqual({ cancelled: true });
    expect(seen[0]).toEqual({ stage: 'load', message: 'Decoding 15,206 rows again for BURGLARY' });
    expect(seen.filter((p) => p.stage === 'read').length).toBeLessThan(4); // stopped before the last batch
    const held = (session as unknown as { binned: { panel: { cells: readonly string[] } } }).binned;
    expect(held.panel.cells).toEqual(before.cells);
    const after = await client.request('bin', { settings: BURGLARY });
    expect(after.cellTotals).toEqual((await wholeTotals(BURGLARY)).cellTotals);
  });
});
