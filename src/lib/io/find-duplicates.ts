import type { Vector } from 'apache-arrow';
import type { ArrowSource } from './read-arrow';

/**
 * Finds rows that repeat an earlier row in every column, among the rows still kept
 * (`reasons[row] === 0`), and returns for each row the global index of the earlier row it
 * repeats (−1 for none). Two stages keep it cheap: rows are first grouped by their decoded
 * time, latitude, longitude and category code in an open-addressing hash table; only rows whose
 * key matches an earlier row's are then compared as whole rows (every column's name and value, as
 * text; files with different columns never repeat each other). So a burst of
 * incidents with the same time, place and type (Chicago's multi-victim rows differ in `id`) is
 * compared, never reported.
 *
 * @example
 * findDuplicates([source], time, lat, lng, codes, reasons) // rows 0 and 3 identical → Int32Array [-1, -1, -1, 0]
 */
export function findDuplicates(
  sources: readonly ArrowSource[],
  time: Float64Array,
  lat: Float64Array,
  lng: Float64Array,
  codes: Int32Array,
  reasons: Uint8Array,
): Int32Array {
  const n = time.length;
  const of = new Int32Array(n).fill(-1);
  const starts: number[] = [];
  let start = 0;
  for (const source of sources) {
    starts.push(start);
    start += source.table.numRows;
  }
  const columns = sources.map((source) => source.table.schema.fields.map((f, i) => [f.name, source.table.getChildAt(i) as Vector] as const));
  // Stage 1: rows whose decoded key (time, place, category) an earlier row already has.
  // At most 4 rows in 5 slots: linear probing stays short, and 20 M rows take 128 MB, not 256.
  let size = 1;
  while (size < 1.25 * n) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const grouped = new Uint8Array(n);
  // The doubles' 32-bit halves, read in place (little-endian or not, equal doubles have equal words).
  const tw = new Int32Array(time.buffer, time.byteOffset, 2 * n);
  const aw = new Int32Array(lat.buffer, lat.byteOffset, 2 * n);
  const bw = new Int32Array(lng.buffer, lng.byteOffset, 2 * n);
  for (let row = 0; row < n; row++) {
    if (reasons[row] !== 0) continue;
    const k = 2 * row;
    let h = Math.imul(0x811c9dc5 ^ tw[k], 0x01000193);
    h = Math.imul(h ^ tw[k + 1], 0x01000193);
    h = Math.imul(h ^ aw[k], 0x01000193);
    h = Math.imul(h ^ aw[k + 1], 0x01000193);
    h = Math.imul(h ^ bw[k], 0x01000193);
    h = Math.imul(h ^ bw[k + 1], 0x01000193);
    let slot = avalanche(Math.imul(h ^ codes[row], 0x01000193)) & mask;
    for (;;) {
      const other = table[slot];
      if (other < 0) {
        table[slot] = row;
        break;
      }
      if (time[other] === time[row] && lat[other] === lat[row] && lng[other] === lng[row] && codes[other] === codes[row]) {
        grouped[other] = 1;
        grouped[row] = 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // Files with the same column names share a schema number; rows of different schemas never match.
  const signatures = columns.map((list) => JSON.stringify(list.map(([name]) => name)));
  const schemaOf = signatures.map((signature) => signatures.indexOf(signature));
  // Stage 2: within those groups only, the whole row as text (column names and values) decides.
  const first = new Map<string, number>();
  let file = 0;
  for (let row = 0; row < n; row++) {
    if (grouped[row] === 0) continue;
    while (file + 1 < starts.length && row >= starts[file + 1]) file++;
    const text = `${schemaOf[file]}\u0001${rowText(columns[file], row - starts[file])}`;
    const earlier = first.get(text);
    if (earlier === undefined) first.set(text, row);
    else of[row] = earlier;
  }
  return of;
}

/** Murmur3's 32-bit finaliser: spreads every input bit over the low bits a table mask keeps. */
function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A row's values as one string, tagged by type so 1 and '1' differ (bigint- and binary-safe; a value beyond 2^53 never equals another). */
function rowText(columns: readonly (readonly [string, Vector])[], row: number): string {
  let text = '';
  for (const [, vector] of columns) {
    let value: unknown;
    try {
      value = vector.get(row);
    } catch {
      return `unreadable ${Math.random()}`; // never equal to another row
    }
    switch (typeof value) {
      case 'string':
        text += `s${value.length}:${value}`;
        break;
      case 'number':
      case 'bigint':
      case 'boolean':
        text += `${(typeof value)[0]}${String(value)}\u0000`;
        break;
      default:
        text += `o${value === null || value === undefined ? 'null' : JSON.stringify(value, (_k, w: unknown) => (typeof w === 'bigint' ? `${w}n` : w instanceof Uint8Array ? Array.from(w) : w instanceof Date ? w.getTime() : w))}\u0000`;
    }
  }
  return text;
}
