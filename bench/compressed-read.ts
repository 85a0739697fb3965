/**
 * What compression costs when opening a file: the Chicago file as written (uncompressed), and
 * the same table with its buffers compressed by the `lz4` and `zstd` commands, as pyarrow's
 * Feather writer does (LZ4 is its default). Times `readArrow` (which decompresses) and
 * `loadIncidents`, best of three. Needs the `lz4` and `zstd` commands to make the compressed
 * copies (Debian: apt-get install lz4 zstd); without them it says so and measures nothing.
 */
import { execFileSync } from 'node:child_process';
import { CompressionType, RecordBatchFileWriter, compressionRegistry, tableFromIPC } from 'apache-arrow';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { loadIncidents } from '../src/lib/io/load-incidents';
import { readArrow } from '../src/lib/io/read-arrow';
import { emit, readShared, timed } from './measure';

const NAME = 'chicago-crimes-2014-2018.arrow';
const tools = { lz4: CompressionType.LZ4_FRAME, zstd: CompressionType.ZSTD } as const;
const missing = Object.keys(tools).filter((tool) => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
});
if (missing.length) {
  console.error(`compressed-read: skipped, the ${missing.join(' and ')} command${missing.length > 1 ? 's are' : ' is'} missing (apt-get install lz4 zstd)`);
  process.exit(0);
}

const plain = readShared(NAME);
const table = tableFromIPC(plain);
const files: [string, Uint8Array][] = [['uncompressed', plain]];
for (const [tool, type] of Object.entries(tools)) {
  compressionRegistry.set(type, { encode: (data) => new Uint8Array(execFileSync(tool, ['-c', '-q'], { input: data, maxBuffer: 1 << 30 })) });
  files.push([tool, RecordBatchFileWriter.writeAll(table, { compressionType: type }).toUint8Array(true)]);
}
for (const [label, bytes] of files) {
  let readMs = Infinity;
  let loadMs = Infinity;
  let kept = 0;
  for (let run = 0; run < 3; run++) {
    const [source, read] = await timed(() => readArrow(bytes, `${label}.arrow`));
    const [incidents, load] = await timed(() => loadIncidents([source], detectMapping([source]).mapping!));
    readMs = Math.min(readMs, read);
    loadMs = Math.min(loadMs, load);
    kept = incidents.report.kept;
  }
  emit({ name: `open Chicago, ${label}`, megabytes: bytes.length / 1e6, kept, readMs, loadMs });
}
