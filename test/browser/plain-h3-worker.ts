/**
 * The plain implementation of issue 14's app-bin benchmark, in a browser Web Worker: the same
 * shape as bench/plain-h3-loop.mjs does in Node — the file's bytes, apache-arrow's
 * `tableFromIPC`, and for every row with a location h3-js `latLngToCell(lat, lng, 8)` counted per
 * (cell, day) in a Map. No validation, no row accounting. test/browser/app-bin.test.ts bundles
 * it with esbuild and serves it beside the app; it is no part of the app.
 */
import { tableFromIPC } from 'apache-arrow';
import { latLngToCell } from 'h3-js';

self.addEventListener('message', async (event: MessageEvent<{ file: Blob } | { ping: true }>) => {
  // The page asks whether the worker has started, before it hands over the file (as the app's worker is asked).
  if ('ping' in event.data) return self.postMessage({ pong: true });
  const t0 = performance.now();
  const table = tableFromIPC(new Uint8Array(await event.data.file.arrayBuffer()));
  const counts = new Map<string, number>();
  let rows = 0;
  for (const batch of table.batches) {
    const time = batch.getChild('occurred_at')!.data[0].values as Float64Array | BigInt64Array;
    const latValues = batch.getChild('latitude')!.data[0].values as Float64Array;
    const lngValues = batch.getChild('longitude')!.data[0].values as Float64Array;
    for (let i = 0; i < batch.numRows; i++) {
      const a = latValues[i];
      const b = lngValues[i];
      if (a !== a || b !== b) continue;
      const key = `${latLngToCell(a, b, 8)} ${Math.floor(Number(time[i]) / 86_400_000)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    rows += batch.numRows;
  }
  self.postMessage({ rows, cellDays: counts.size, ms: performance.now() - t0 });
});
