import type { RecordBatch, Schema, Table, Vector } from 'apache-arrow';
import { giveScratch, takeInt32 } from '../base/scratch-memory';

/**
 * Stage 1 of the duplicate finder, which drops a kept row (`reasons[row] === 0`) that repeats an
 * earlier kept row in every column: the kept rows (in order) whose decoded time, latitude,
 * longitude and category code an earlier kept row also has — the only rows stage 2
 * (`repeatedByColumns`) compares value by value. So a burst of incidents with the same time, place
 * and type (Chicago's multi-victim rows differ in `id`) is compared, never reported. Needs no raw
 * column: a streamed load runs it after the record batches are gone.
 * @example duplicateCandidates(time, lat, lng, codes, reasons) // rows 0 and 3 share a key → Int32Array [0, 3]
 */
export function duplicateCandidates(time: Float64Array, lat: Float64Array, lng: Float64Array, codes: Int32Array, reasons: Uint8Array): Int32Array {
  const n = time.length;
  // Rows are first parted by the top 8 bits of their key's hash (a counting sort, in row order),
  // then each part is grouped in a small open-addressing table that stays in cache: one table over
  // all rows (16 MB for Chicago) cost a cache miss a row, 0.1–0.18 s. Equal keys have equal hashes,
  // so they meet in the same part; the rows found are the same.
  const hashes = takeInt32(n); // scratch memory (`takeInt32`), given back at the end
  const counts = new Int32Array(PARTS + 1);
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
    const hash = avalanche(Math.imul(h ^ codes[row], 0x01000193));
    hashes[row] = hash;
    counts[(hash >>> PART_SHIFT) + 1]++;
  }
  for (let part = 0; part < PARTS; part++) counts[part + 1] += counts[part];
  const order = takeInt32(counts[PARTS]);
  const orderHashes = takeInt32(counts[PARTS]); // next to `order`, so each part reads its rows' hashes in sequence
  const next = counts.slice(0, PARTS);
  for (let row = 0; row < n; row++) {
    if (reasons[row] !== 0) continue;
    const hash = hashes[row];
    const at = next[hash >>> PART_SHIFT]++;
    order[at] = row;
    orderHashes[at] = hash;
  }
  let largest = 0;
  for (let part = 0; part < PARTS; part++) largest = Math.max(largest, counts[part + 1] - counts[part]);
  // At most 4 rows in 5 slots, so linear probing stays short. Each slot holds ±(row + 1) (0: empty)
  // next to its key's hash: a probe touches another row's time, place and code only when the hashes match.
  let size = 1;
  while (size < 1.25 * largest) size <<= 1;
  const table = new Int32Array(2 * size);
  // The rows found, as met (sorted at the end): a key's first row is added when a second row
  // matches it, and its slot's entry negated so it is added once. No per-row flags to scan.
  const found: number[] = [];
  for (let part = 0; part < PARTS; part++) {
    const from = counts[part];
    const to = counts[part + 1];
    if (to - from < 2) continue;
    let bits = 1;
    while (bits < 1.25 * (to - from)) bits <<= 1;
    const mask = bits - 1;
    table.fill(0, 0, 2 * bits);
    for (let at = from; at < to; at++) {
      const row = order[at];
      const hash = orderHashes[at];
      let slot = hash & mask;
      for (;;) {
        const stored = table[2 * slot];
        if (stored === 0) {
          table[2 * slot] = row + 1;
          table[2 * slot + 1] = hash;
          break;
        }
        const other = (stored < 0 ? -stored : stored) - 1;
        if (table[2 * slot + 1] === hash && time[other] === time[row] && lat[other] === lat[row] && lng[other] === lng[row] && codes[other] === codes[row]) {
          if (stored > 0) {
            table[2 * slot] = -stored;
            found.push(other);
          }
          found.push(row);
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  giveScratch(hashes, order, orderHashes);
  return Int32Array.from(found).sort();
}

/** Parts of `duplicateCandidates`: 2^8, by a hash's top 8 bits (about 5,000 rows a part for Chicago; the part's table then fits in cache). */
const PART_SHIFT = 24;
const PARTS = 1 << (32 - PART_SHIFT);

/**
 * Where a duplicate candidate's raw values are: its file's schema key (`schemaKeys`) and either the
 * columns of the table or record batch holding it (`columnsOf`) with its row there, or — its batch
 * not held until stage 2 runs — its whole row's text, taken while the batch was read
 * (`candidateText`; null: a value that cannot be read, so the row equals none).
 */
export type CandidatePlace =
  | { readonly key: number; readonly columns: readonly (readonly [string, Vector])[]; readonly row: number }
  | { readonly key: number; readonly text: string | null };

/**
 * A row's values as one text, as stage 2 compares them (each value's self-delimiting text, in
 * column order), or null when a value cannot be read: what `CandidatePlace` keeps of a row whose
 * batch is let go. One string a row, so many candidates cost one string each, not one a column.
 * @example candidateText(columnsOf(table), 3) // → 'n17\u0000s5:THEFT…'
 */
export function candidateText(columns: readonly (readonly [string, Vector])[], row: number): string | null {
  let text = '';
  for (const [, vector] of columns) {
    const value = valueText(vector, row);
    if (value === null) return null;
    text += value;
  }
  return text;
}

/** A candidate's whole row text (`candidateText`), from its columns or the text taken. */
function placeText(place: CandidatePlace): string | null {
  return 'text' in place ? place.text : candidateText(place.columns, place.row);
}

/**
 * Stage 2 of the duplicate finder: each repeating candidate row (ascending) → the earliest
 * candidate row equal to it in every column; rows of different schema keys are never equal, and a
 * row with an unreadable value equals none. Compared column by column: the candidates are grouped
 * by schema key, then each group is split by its rows' values in the first column (each value's
 * self-delimiting text, as `candidateText` writes it), the groups left by the second, and so on; a
 * row alone in its group is done. Whole-row texts concatenate these value texts, so two rows' texts
 * are equal exactly when every value's is, and grouping whole texts decides the same (the tests'
 * oracle); but a column that tells rows apart (Chicago's `id`) ends the work after one value a row
 * instead of every column's. A group holding a row given as its whole text (its batch let go,
 * `candidateText`) is compared by whole texts, with the same result.
 * @example repeatedByColumns(Int32Array.of(0, 3), (i) => ({ key: 0, columns: columnsOf(table), row: [0, 3][i] })) // → Map { 3 → 0 } when rows 0 and 3 are equal
 */
export function repeatedByColumns(candidates: Int32Array, placeOf: (i: number) => CandidatePlace): Map<number, number> {
  const places = Array.from(candidates, (_, i) => placeOf(i));
  let groups: number[][] = [...splitBy(places.keys(), (i) => places[i].key).values()].filter((group) => group.length > 1);
  const equal: number[][] = []; // groups equal in every column
  for (let column = 0; groups.length > 0; column++) {
    const next: number[][] = [];
    for (const group of groups) {
      if (column === 0 && group.some((i) => 'text' in places[i])) {
        // Some of its rows were taken as whole texts (their batches let go): the group is compared whole.
        for (const part of splitBy(group, (i) => placeText(places[i])).values()) if (part.length > 1) equal.push(part);
        continue;
      }
      const { columns } = places[group[0]] as Extract<CandidatePlace, { columns: unknown }>;
      if (column >= columns.length) {
        equal.push(group); // one schema key: the same columns
        continue;
      }
      const parts = splitBy(group, (i) => {
        const place = places[i] as Extract<CandidatePlace, { columns: unknown }>;
        return valueText(place.columns[column][1], place.row);
      });
      for (const part of parts.values()) if (part.length > 1) next.push(part);
    }
    groups = next;
  }
  const pairs: [number, number][] = [];
  for (const group of equal) for (let k = 1; k < group.length; k++) pairs.push([candidates[group[k]], candidates[group[0]]]);
  return new Map(pairs.sort((a, b) => a[0] - b[0]));
}

/** The members of `indices` (in order) grouped by `keyOf`; a null key (an unreadable value) puts its member in no group. */
function splitBy<K>(indices: Iterable<number>, keyOf: (i: number) => K | null): Map<K, number[]> {
  const parts = new Map<K, number[]>();
  for (const i of indices) {
    const key = keyOf(i);
    if (key === null) continue;
    const part = parts.get(key);
    if (part) part.push(i);
    else parts.set(key, [i]);
  }
  return parts;
}

/**
 * For each schema, a number shared by the schemas with the same column names (in order): rows of
 * files with different columns never repeat each other.
 * @example schemaKeys([a.schema, b.schema, a.schema]) // → [0, 1, 0]
 */
export function schemaKeys(schemas: readonly Schema[]): number[] {
  const signatures = schemas.map((schema) => JSON.stringify(schema.fields.map((f) => f.name)));
  return signatures.map((signature) => signatures.indexOf(signature));
}

/**
 * Every column of a table or record batch with its name, for `repeatedByColumns`' places.
 * @example columnsOf(batch).map(([name]) => name) // → ['id', 'occurred_at', …]
 */
export function columnsOf(table: Table | RecordBatch): (readonly [string, Vector])[] {
  return table.schema.fields.map((f, i) => [f.name, table.getChildAt(i) as Vector] as const);
}

/** Murmur3's 32-bit finaliser: spreads every input bit over the low bits a table mask keeps. */
function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One value of `candidateText`, tagged by its type and self-delimiting (a string by its length, others up to a NUL); null when it cannot be read. */
function valueText(vector: Vector, row: number): string | null {
  let value: unknown;
  try {
    value = vector.get(row);
  } catch {
    return null;
  }
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${(typeof value)[0]}${String(value)}\u0000`;
    default:
      return `o${value === null || value === undefined ? 'null' : JSON.stringify(value, (_k, w: unknown) => (typeof w === 'bigint' ? `${w}n` : w instanceof Uint8Array ? Array.from(w) : w instanceof Date ? w.getTime() : w))}\u0000`;
  }
}
