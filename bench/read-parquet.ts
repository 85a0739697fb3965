/**
 * Reading Parquet: the Chicago file (1,306,393 rows, 14 columns) written by DuckDB's own Parquet
 * writer in this run (SNAPPY, ZSTD and GZIP; DuckDB's default row groups), read by Hexcast's
 * reader (`streamParquet` over a ByteSource: hyparquet, row group by row group, columns into
 * Arrow) and by parquet-wasm 0.8.0 (Rust arrow-rs in WebAssembly: `readParquet` then
 * `tableFromIPC`), against `readArrow` of the same data's Arrow file in the same run. Wall time
 * and this process's CPU time (user + sys) per read; the ratio to the Arrow read is what to
 * compare across machines. Run with `npm run bench -- read-parquet`. parquet-wasm is not a
 * dependency (hyparquet was chosen, see BENCHMARKS.md): `npm install --no-save parquet-wasm`
 * before the run to include it; without it its columns are left out.
 */
import { DataType, tableFromIPC, type RecordBatch } from 'apache-arrow';
import { duckdbParquet, duckdbTableFromArrow, openDuckDB } from '../test/duckdb-parquet';
import { bytesSource } from '../src/lib/io/byte-source';
import { readArrow } from '../src/lib/io/read-arrow';
import { streamParquet } from '../src/lib/io/read-parquet';
import { emit, peakRssMb, readShared, timed } from './measure';

/** Wall and CPU milliseconds of one run of `work`. */
async function measured(work: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const [, ms] = await timed(work);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** parquet-wasm's `readParquet`, when the package is installed (it is not a dependency). */
interface ParquetWasm {
  readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array };
}
const wasmPackage = 'parquet-wasm';
const parquetWasm = (await import(wasmPackage).catch(() => null)) as ParquetWasm | null;

const arrowBytes = readShared('chicago-crimes-2014-2018.arrow');
const arrow = readArrow(arrowBytes, 'chicago.arrow');
const duck = await openDuckDB();
await duckdbTableFromArrow(duck, 'chicago', arrow.table);
const result: Record<string, unknown> = { name: 'read Chicago as Parquet', rows: arrow.table.numRows };
const arrowRead = await measured(() => readArrow(arrowBytes, 'chicago.arrow'));
result.arrowMs = arrowRead.ms;
for (const codec of ['snappy', 'zstd', 'gzip'] as const) {
  const bytes = await duckdbParquet(duck, 'SELECT * FROM chicago', codec);
  let rows = 0;
  let groups = 0;
  const hexcast = await measured(async () => {
    for await (const batch of streamParquet(bytesSource('chicago.parquet', bytes)) as AsyncGenerator<RecordBatch>) {
      rows += batch.numRows;
      groups++;
    }
  });
  let wasmRows = rows;
  const wasm = await measured(() => {
    if (!parquetWasm) return;
    const table = tableFromIPC(parquetWasm.readParquet(bytes).intoIPCStream());
    wasmRows = table.numRows;
    // The same check on both: the latitudes read.
    if (!DataType.isFloat(table.schema.fields.find((f) => f.name === 'latitude')!.type)) throw new Error('latitude is not a float');
  });
  if (rows !== arrow.table.numRows || wasmRows !== rows) throw new Error(`rows differ: ${rows} / ${wasmRows}`);
  Object.assign(result, {
    [`${codec}Megabytes`]: bytes.length / 1e6,
    [`${codec}RowGroups`]: groups,
    [`${codec}HyparquetMs`]: hexcast.ms,
    [`${codec}HyparquetCpuMs`]: hexcast.cpuMs,
    [`${codec}HyparquetOverArrow`]: hexcast.ms / arrowRead.ms,
  });
  if (parquetWasm) {
    Object.assign(result, {
      [`${codec}ParquetWasmMs`]: wasm.ms,
      [`${codec}ParquetWasmCpuMs`]: wasm.cpuMs,
      [`${codec}ParquetWasmOverArrow`]: wasm.ms / arrowRead.ms,
    });
  }
}
result.peakRssMb = peakRssMb();
emit(result);
