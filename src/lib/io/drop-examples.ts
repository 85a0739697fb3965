import type { RecordBatch, Table, Vector } from 'apache-arrow';
import type { ColumnMapping } from './column-mapping';
import { formatCell } from './format-cell';
import { DROP_REASONS, type DropReason, type DroppedRow } from './incidents';
import type { ArrowSource } from './read-arrow';

/** How many example rows the load report keeps per drop reason. */
export const MAX_EXAMPLES_PER_REASON = 5;

/**
 * Picks the first `MAX_EXAMPLES_PER_REASON` dropped rows of each reason (by file, then row) and
 * renders the raw values that explain the drop — the time column for time reasons, the two
 * location columns for location reasons, the category column for 'category-filtered' — with
 * `formatCell` (bigint- and Date-safe), plus any derived values `extra` adds (e.g. the distance
 * of an outlier). `reasons` holds one `DROP_CODE` per global row (0 = kept).
 *
 * @example
 * dropExamples([chicago], mapping, reasons)[0]
 * // → { file: 'chicago-crimes-2014-2018.arrow', row: 1714, reason: 'location-null', values: { latitude: 'null', longitude: 'null' } }
 */
export function dropExamples(
  sources: readonly ArrowSource[],
  mapping: ColumnMapping,
  reasons: Uint8Array,
  extra: (row: number, reason: DropReason) => Record<string, string> = () => ({}),
): DroppedRow[] {
  return exampleRows(reasons).map(({ row, reason }) => {
    const { source, local, record } = fileRow(sources, row);
    return { file: source.name, row: record, reason, values: { ...rawExampleValues(source.table, local, reason, mapping), ...extra(row, reason) } };
  });
}

/**
 * The rows `dropExamples` shows: the first `MAX_EXAMPLES_PER_REASON` dropped rows of each
 * reason, by reason in DROP_REASONS order, then by row.
 * @example exampleRows(Uint8Array.of(0, 7, 7)) // → [{ row: 1, reason: 'location-null' }, { row: 2, reason: 'location-null' }]
 */
export function exampleRows(reasons: Uint8Array): { row: number; reason: DropReason }[] {
  const picked: number[][] = DROP_REASONS.map(() => []);
  let missing = DROP_REASONS.length;
  for (let row = 0; row < reasons.length && missing > 0; row++) {
    const code = reasons[row];
    if (code === 0) continue;
    const rows = picked[code - 1];
    if (rows.length < MAX_EXAMPLES_PER_REASON) {
      rows.push(row);
      if (rows.length === MAX_EXAMPLES_PER_REASON) missing--;
    }
  }
  return DROP_REASONS.flatMap((reason, r) => picked[r].map((row) => ({ row, reason })));
}

/**
 * The raw values that explain a drop of row `local` of a table or record batch: the time column
 * for time reasons, the location columns for location reasons, the category column for
 * 'category-filtered' (`formatCell`).
 * @example rawExampleValues(table, 1714, 'location-null', mapping) // → { latitude: 'null', longitude: 'null' }
 */
export function rawExampleValues(table: Table | RecordBatch, local: number, reason: DropReason, mapping: ColumnMapping): Record<string, string> {
  const values: Record<string, string> = {};
  for (const column of columnsFor(reason, mapping)) {
    const vector = table.getChild(column) as Vector | null;
    if (vector) values[column] = formatCell(vector, local);
  }
  return values;
}

/** What `fileRow` needs of a file: its name, its table's row count and the records that are not rows. */
export type CountedSource = Pick<ArrowSource, 'name' | 'skipped'> & { readonly table: { readonly numRows: number } };

/**
 * The file, the 0-based row of its table, and the 0-based record of the file (the row counted
 * with the records that are not table rows, `ArrowSource.skipped`) of global row `row` (rows of
 * all files counted in order). Messages name the record, so CSV and GeoJSON drops of every
 * reason count the same way.
 * @example fileRow([a, b], a.table.numRows + 2) // → { source: b, local: 2, record: 2 }
 */
export function fileRow<S extends CountedSource>(sources: readonly S[], row: number): { source: S; local: number; record: number } {
  let local = row;
  for (const source of sources) {
    if (local < source.table.numRows) return { source, local, record: recordOf(source, local) };
    local -= source.table.numRows;
  }
  throw new RangeError(`row ${row} is beyond the ${row - local} rows of the files`);
}

function columnsFor(reason: DropReason, mapping: ColumnMapping): string[] {
  const { location } = mapping;
  if (reason.startsWith('time-')) return [mapping.time.column];
  if (reason === 'duplicate') return [];
  if (reason.startsWith('location-')) return location.kind === 'latlng' ? [location.lat, location.lng] : [location.x, location.y];
  return mapping.category ? [mapping.category] : [];
}

/** The record index of table row `local`: each skipped record at or before it moves it one on. */
function recordOf(source: CountedSource, local: number): number {
  let record = local;
  for (const skipped of source.skipped ?? []) {
    if (skipped > record) break;
    record++;
  }
  return record;
}
