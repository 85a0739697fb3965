import { DataType } from 'apache-arrow';
import type { RowPreview } from '../io/preview-rows';
import type { ArrowSource } from '../io/read-arrow';

/**
 * A panel file's preview with 64-bit integer `cell` values shown as H3 indexes (hexadecimal),
 * as DuckDB and Spark store them, instead of as decimal integers; other files pass unchanged.
 * @example panelPreview({ columns: ['cell'], rows: [{ cell: '617668575944245247' }] }, duckdbFile).rows[0].cell
 *   // → '892664c1a9bffff'
 */
export function panelPreview(preview: RowPreview, source: ArrowSource): RowPreview {
  const type = source.table.schema.fields.find((f) => f.name === 'cell')?.type;
  if (!type || !DataType.isInt(type) || type.bitWidth !== 64) return preview;
  const hex = (text: string): string => (/^-?\d+$/.test(text) ? BigInt.asUintN(64, BigInt(text)).toString(16) : text);
  return { columns: preview.columns, rows: preview.rows.map((row) => ({ ...row, cell: hex(row.cell) })) };
}
