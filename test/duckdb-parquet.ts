/**
 * The real DuckDB engine (@duckdb/node-api, a dev dependency) for tests of the Parquet route:
 * an Arrow table is handed to DuckDB (as CSV with the column types stated, since DuckDB's
 * Arrow extension cannot be downloaded here) and DuckDB's own Parquet writer makes the file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DataType, type Table } from 'apache-arrow';

/** A fresh in-memory DuckDB and a connection to it. */
export async function openDuckDB(): Promise<DuckDBConnection> {
  return (await DuckDBInstance.create(':memory:')).connect();
}

/** DuckDB's name for the type an Arrow column holds. */
function duckType(type: DataType): string {
  if (DataType.isTimestamp(type)) return type.timezone ? 'TIMESTAMPTZ' : 'TIMESTAMP';
  if (DataType.isDate(type)) return 'DATE';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isFloat(type)) return 'DOUBLE';
  if (DataType.isInt(type)) return type.bitWidth === 64 ? 'BIGINT' : type.bitWidth === 16 ? 'SMALLINT' : 'INTEGER';
  return 'VARCHAR';
}

function csvValue(type: DataType, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (DataType.isTimestamp(type) || DataType.isDate(type)) {
    const iso = new Date(Number(value)).toISOString();
    return DataType.isDate(type) ? iso.slice(0, 10) : iso.replace('T', ' ').replace('Z', type.timezone ? '+00' : '');
  }
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  return String(value);
}

/** Creates DuckDB table `name` holding `table`'s rows and columns, types kept (timestamps as wall clock or UTC instants). */
export async function duckdbTableFromArrow(conn: DuckDBConnection, name: string, table: Table): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hexcast-duckdb-'));
  try {
    const fields = table.schema.fields;
    const columns = fields.map((f) => table.getChild(f.name)!);
    const lines = [fields.map((f) => f.name).join(',')];
    for (let i = 0; i < table.numRows; i++) lines.push(columns.map((c, j) => csvValue(fields[j].type, c.get(i))).join(','));
    const path = join(dir, 'table.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const types = fields.map((f) => `'${f.name}': '${duckType(f.type)}'`).join(', ');
    await conn.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${path}', header = true, types = {${types}})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bytes of the Parquet file DuckDB writes for `query` (COPY … TO … (FORMAT parquet, COMPRESSION …)). */
export async function duckdbParquet(
  conn: DuckDBConnection,
  query: string,
  compression: 'snappy' | 'zstd' | 'gzip' | 'uncompressed' = 'snappy',
  rowGroupSize?: number,
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'hexcast-duckdb-'));
  try {
    const path = join(dir, 'out.parquet');
    const groups = rowGroupSize === undefined ? '' : `, ROW_GROUP_SIZE ${rowGroupSize}`;
    await conn.run(`COPY (${query}) TO '${path}' (FORMAT parquet, COMPRESSION ${compression}${groups})`);
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
