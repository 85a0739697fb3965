// The plain implementation the streaming benchmark compares against: read the Arrow file batch
// by batch with apache-arrow, and for every row with a location call h3-js latLngToCell and
// count (cell, day) pairs in a Map. Plain Node (no tsx), no validation, no row accounting.
// Usage: node bench/plain-h3-loop.mjs FILE.arrow
import { open } from 'node:fs/promises';
import { RecordBatchReader } from 'apache-arrow';
import { latLngToCell } from 'h3-js';

const path = process.argv[2];
const handle = await open(path, 'r');
const reader = await RecordBatchReader.from(handle);
const counts = new Map();
let rows = 0;
for await (const batch of reader) {
  const time = batch.getChild('occurred_at').data[0].values;
  const lat = batch.getChild('latitude');
  const lng = batch.getChild('longitude');
  const latValues = lat.data[0].values;
  const lngValues = lng.data[0].values;
  for (let i = 0; i < batch.numRows; i++) {
    const a = latValues[i];
    const b = lngValues[i];
    if (a !== a || b !== b) continue;
    const key = `${latLngToCell(a, b, 8)} ${Math.floor(Number(time[i]) / 86_400_000)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  rows += batch.numRows;
}
await handle.close();
process.stdout.write(`${rows} rows, ${counts.size} cell-days\n`);
