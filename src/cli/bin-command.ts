import { escapeTerminal } from '../lib/base/escape-terminal';
import { panelTotal } from '../lib/grid/panel';
import { panelFileChunks } from '../lib/grid/panel-file';
import { BIN_HELP, BIN_OPTIONS, binOptionsFromFlags } from './bin-flags';
import { MAPPING_HELP } from './help';
import { parseFlags } from './parse-flags';
import { cliLoadWarnings } from './load-warnings';
import { MAPPING_OPTIONS } from './mapping-flags';
import { loadAndBin } from './load-and-bin';
import { Progress } from './progress';
import { busiestCellLines } from './busiest-cells';
import { UsageError } from './usage-error';
import { assertWritable, writeAllOrNothing } from './write-all-or-nothing';

const USAGE = `Usage: hexcast bin FILE… --res R --bucket B [--tz ZONE] [--category VALUE…] --out panel.arrow

Bins incidents into a dense H3 cell × time-bucket panel and writes it as a long Arrow table
(cell, period, count, area_m2) that 'hexcast backtest' and the app load directly.

${BIN_HELP}
${MAPPING_HELP}  --category VALUE      keep only this category (repeatable)
  --out FILE            where to write the panel (Arrow IPC file)
  --quiet               no progress on stderr
`;

/** `hexcast bin`: incidents → panel file. */
export async function binCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, {
    ...MAPPING_OPTIONS,
    ...BIN_OPTIONS,
    category: { type: 'string', multiple: true },
    out: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!values.out) throw new UsageError('--out FILE is required');
  const bin = binOptionsFromFlags(values, true)!;
  await assertWritable([{ flag: '--out', path: values.out }]);
  const progress = new Progress(process.stderr, values.quiet);
  // Arrow incident files load as they stream (a few record batches of raw rows at a time); other files are read whole.
  const { prepared, mapping } = await loadAndBin(positionals, { flags: values, binFor: () => ({ ...bin, scratchNext: true }), progress });
  const { panel, data } = prepared;
  // The panel file keeps its own row accounting and the partial periods trimmed ('hexcast inspect' shows them).
  await writeAllOrNothing([{ path: values.out, data: panelFileChunks(panel, data) }]);
  const n = (x: number): string => x.toLocaleString('en-US');
  progress.note(
    `${n(data.rows.read)} rows read, ${n(data.rows.kept)} kept; ${n(panelTotal(panel))} incidents in ${n(panel.cells.length)} cells × ${n(panel.periods.length)} ${panel.bucket.unit} periods → ${values.out}`,
  );
  const loaded = prepared.incidents;
  for (const warning of loaded && mapping ? cliLoadWarnings(loaded, mapping) : []) progress.note(`warning: ${warning}`);
  const names = prepared.binned.cellNames;
  if (names && mapping?.place) process.stdout.write(`${busiestCellLines(panel, names, mapping.place).map(escapeTerminal).join('\n')}\n`);
  for (const note of prepared.binReport?.notes ?? []) progress.note(`note: ${note}`);
  progress.done();
}
