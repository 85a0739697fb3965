import type { Vector } from 'apache-arrow';
import { formatCell } from './format-cell';
import type { ArrowSource } from './read-arrow';

/** The first rows of a file as strings, with the column order (object keys alone would reorder numeric names). */
export interface RowPreview {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
}

/**
 * The first `n` rows of a source as string records for a preview table, every cell rendered by
 * `formatCell` (bigint- and Date-safe: a zone-less Timestamp shows as a wall-clock reading,
 * null as 'null').
 *
 * @example
 * previewRows(portland, 1).rows[0]
 * // → { occ_date: '2012-03-01', category: 'BURGLARY', x_coordinate: '7661410', y_coordinate: '682295' }
 */
export function previewRows(source: ArrowSource, n: number): RowPreview {
  const { table } = source;
  const columns = table.schema.fields.map((field) => field.name);
  const vectors = columns.map((_, i) => table.getChildAt(i) as Vector);
  const count = Math.max(0, Math.min(Math.floor(n), table.numRows));
  const rows: Record<string, string>[] = [];
  for (let row = 0; row < count; row++) {
    const record: Record<string, string> = {};
    columns.forEach((column, i) => {
      record[column] = formatCell(vectors[i], row);
    });
    rows.push(record);
  }
  return { columns, rows };
}
