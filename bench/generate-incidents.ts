/**
 * Writes a Chicago-shaped incident file of any size for the streaming benchmark, one record
 * batch at a time (the generator never holds more than one batch): `occurred_at`
 * timestamp[ms] without a zone (wall clock, 2014–2018, whole minutes), `latitude` and
 * `longitude` float64 (WGS84; 1 % null, as Chicago's unlocated rows), `primary_type`
 * dictionary-encoded (33 values, Chicago's skew). Places are drawn from a fixed pool of
 * block-like points inside Chicago's bounding box, because the publisher moves every location
 * to somewhere on its block: the real file has 344,675 distinct points for 1.3 M rows.
 * With `descriptionBytes` > 0, a `description` Utf8 column of that many bytes a row (words and
 * the row number) makes a file of a few GB without hundreds of millions of rows.
 *
 * Run alone: `node bin/run-ts.js bench/generate-incidents.ts OUT.arrow ROWS [DESCRIPTION_BYTES]`.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import {
  Dictionary,
  Field,
  Float64,
  Int8,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  TimeUnit,
  Timestamp,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { random } from '../src/lib/base/random';

const BATCH = 65_536;
const POINTS = 400_000;
const START = Date.UTC(2014, 0, 1);
const END = Date.UTC(2019, 0, 1);

/**
 * Writes `rows` Chicago-shaped incidents to `path` (Arrow IPC file) and resolves when the file is
 * closed; deterministic for a seed.
 * @example await generateIncidents('/tmp/20m.arrow', 20_000_000) // → 20,000,000 rows, ≈ 500 MB
 */
export async function generateIncidents(path: string, rows: number, seed = 14, descriptionBytes = 0): Promise<void> {
  const rng = random(seed);
  const poolLat = Float64Array.from({ length: POINTS }, () => 41.645 + 0.375 * rng.next());
  const poolLng = Float64Array.from({ length: POINTS }, () => -87.935 + 0.41 * rng.next());
  const names = Array.from({ length: 33 }, (_, i) => `TYPE ${String(i).padStart(2, '0')}`);
  const weights = names.map((_, i) => 1 / (i + 1));
  const cumulative = weights.map(
    (
      (sum) => (w) =>
        (sum += w)
    )(0),
  );
  const total = cumulative[cumulative.length - 1];
  const dictionary = vectorFromArray(names, new Utf8());
  const categoryType = new Dictionary(new Utf8(), new Int8(), 0);
  const schema = new Schema([
    new Field('occurred_at', new Timestamp(TimeUnit.MILLISECOND), false),
    new Field('latitude', new Float64(), true),
    new Field('longitude', new Float64(), true),
    new Field('primary_type', categoryType, false),
    ...(descriptionBytes > 0 ? [new Field('description', new Utf8(), false)] : []),
  ]);
  const words = new TextEncoder().encode('reported at the residence by the caller near the alley behind the store on the corner ');
  const writer = new RecordBatchFileWriter();
  const out = createWriteStream(path);
  writer.toNodeStream().pipe(out);
  for (let start = 0; start < rows; start += BATCH) {
    const n = Math.min(BATCH, rows - start);
    const time = new BigInt64Array(n);
    const lat = new Float64Array(n);
    const lng = new Float64Array(n);
    const valid = new Uint8Array(Math.ceil(n / 8)).fill(0xff);
    const type = new Int8Array(n);
    let nulls = 0;
    for (let i = 0; i < n; i++) {
      time[i] = BigInt(START + 60_000 * Math.floor(((END - START) / 60_000) * rng.next()));
      const point = rng.int(POINTS);
      lat[i] = poolLat[point];
      lng[i] = poolLng[point];
      if (rng.next() < 0.01) {
        lat[i] = NaN;
        lng[i] = NaN;
        valid[i >> 3] &= ~(1 << (i & 7));
        nulls++;
      }
      const u = total * rng.next();
      let c = 0;
      while (cumulative[c] < u) c++;
      type[i] = c;
    }
    const children = [
      makeData({ type: schema.fields[0].type, length: n, data: time }),
      makeData({ type: new Float64(), length: n, data: lat, nullBitmap: valid, nullCount: nulls }),
      makeData({ type: new Float64(), length: n, data: lng, nullBitmap: valid, nullCount: nulls }),
      makeData({ type: categoryType, length: n, data: type, dictionary }),
      ...(descriptionBytes > 0 ? [descriptions(start, n)] : []),
    ];
    writer.write(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: n, children })));
    if (!out.writableNeedDrain) await new Promise((resolve) => setImmediate(resolve));
    else await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  writer.finish();
  await finished(out);

  /** `n` descriptions of `descriptionBytes` bytes: the row number, then words. */
  function descriptions(start: number, n: number) {
    const bytes = new Uint8Array(n * descriptionBytes);
    const offsets = Int32Array.from({ length: n + 1 }, (_, i) => i * descriptionBytes);
    const template = Uint8Array.from({ length: descriptionBytes }, (_, j) => words[j % words.length]);
    for (let i = 0; i < n; i++) {
      const at = i * descriptionBytes;
      bytes.set(template, at); // one copy a row; the row number below makes each description distinct
      const label = `#${start + i} `;
      for (let j = 0; j < label.length && j < descriptionBytes; j++) bytes[at + j] = label.charCodeAt(j);
    }
    return makeData({ type: new Utf8(), length: n, data: bytes, valueOffsets: offsets });
  }
}

if (import.meta.url.endsWith(process.argv[1].replace(/^\.?\/?/, ''))) {
  const [path, rows, description] = process.argv.slice(2);
  await generateIncidents(path, Number(rows), 14, Number(description ?? 0));
  process.stdout.write(`${path}: ${Number(rows).toLocaleString('en-US')} rows, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
}
