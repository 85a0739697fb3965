/**
 * Issue 14's streaming targets: the CLI's `hexcast bin` (res 8, daily) on Chicago-shaped files
 * of 5 M and 20 M rows generated here (bench/generate-incidents.ts, written batch by batch),
 * each run as a child process under /usr/bin/time for its wall time, CPU time and peak RSS,
 * next to a plain per-row h3-js `latLngToCell` loop into a Map (bench/plain-h3-loop.mjs) on
 * the same file in the same run. Targets: 20 M rows ≤ 15 s and ≤ 1.5 GB; cost linear in rows.
 * `HEXCAST_STREAM_ROWS=1000000,5000000` picks other sizes; `HEXCAST_STREAM_DESCRIPTION=125` adds a
 * 125-byte `description` column (20 M rows → a 3 GB file; the CLI's streamed load drops it with
 * each record batch); `HEXCAST_STREAM_PLAIN=0` skips the plain loop; `HEXCAST_STREAM_DIR` puts the
 * files elsewhere (a 3 GB file belongs under /work/tmp-data/). Files are kept between runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIncidents } from './generate-incidents';
import { emit } from './measure';

interface Measured {
  readonly wallS: number;
  readonly cpuS: number;
  readonly peakMb: number;
  readonly out: string;
}

/** Runs a command under /usr/bin/time: wall seconds, user + system CPU seconds, peak RSS in MB. */
function measured(command: string, args: readonly string[]): Measured {
  const stderrFile = join(dir, 'time.txt');
  const out = execFileSync('/usr/bin/time', ['-o', stderrFile, '-f', '%e %U %S %M', command, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [wall, user, system, kb] = execFileSync('tail', ['-n', '1', stderrFile], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { wallS: wall, cpuS: user + system, peakMb: Math.round(kb / 1024), out: out.trim() };
}

const dir = process.env.HEXCAST_STREAM_DIR ?? join(tmpdir(), 'hexcast-stream-bench');
const description = Number(process.env.HEXCAST_STREAM_DESCRIPTION ?? 0);
const withPlain = process.env.HEXCAST_STREAM_PLAIN !== '0';
mkdirSync(dir, { recursive: true });
const sizes = (process.env.HEXCAST_STREAM_ROWS ?? '5000000,20000000').split(',').map(Number);
const results: Record<string, number>[] = [];
for (const rows of sizes) {
  const file = join(dir, `chicago-shaped-${rows}${description > 0 ? `-description-${description}` : ''}.arrow`);
  if (!existsSync(file)) await generateIncidents(file, rows, 14, description);
  const flags = ['--time', 'occurred_at', '--lat', 'latitude', '--lng', 'longitude', '--category-column', 'primary_type', '--res', '8', '--bucket', 'day'];
  const cli = measured(process.execPath, ['bin/hexcast.js', 'bin', file, ...flags, '--quiet', '--out', join(dir, 'panel.arrow')]);
  const plain = withPlain ? measured(process.execPath, ['bench/plain-h3-loop.mjs', file]) : { wallS: NaN, cpuS: NaN, peakMb: NaN };
  const result = {
    rows,
    fileMb: Math.round(statSync(file).size / 1e6),
    cliWallS: cli.wallS,
    cliCpuS: cli.cpuS,
    cliPeakMb: cli.peakMb,
    plainWallS: plain.wallS,
    plainCpuS: plain.cpuS,
    plainPeakMb: plain.peakMb,
    cpuRatio: cli.cpuS / plain.cpuS,
  };
  results.push(result);
  emit({
    name: `hexcast bin, ${rows.toLocaleString('en-US')} Chicago-shaped rows, res 8, daily (child process) vs plain h3-js loop`,
    ...result,
    targetS: 15,
    targetMb: 1500,
  });
}
if (results.length >= 2) {
  const [a, b] = [results[0], results[results.length - 1]];
  emit({ name: 'growth: CLI CPU time per row, largest vs smallest file', ratio: b.cliCpuS / b.rows / (a.cliCpuS / a.rows), target: 1 });
}
