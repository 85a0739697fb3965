import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HEXCAST_VERSION, LIBRARY_VERSIONS } from '../lib/base/versions';
import { LEAKAGE_MODELS, runLeakageLab, type LeakageLab } from '../lib/leakage/leakage-lab';
import { leakageMarkdown } from '../lib/leakage/leakage-markdown';
import { leakageTable } from '../lib/leakage/leakage-table';
import { studyRegionOf } from '../lib/pipeline/region';
import { reportJson, resolveModels } from '../lib/pipeline/run';
import { BIN_HELP, binOptionsFromFlags } from './bin-flags';
import { MAPPING_HELP } from './help';
import { parseFlags } from './parse-flags';
import { Progress } from './progress';
import { protocolFromFlags } from './protocol-flags';
import { loadFromFlags, RUN_OPTIONS } from './run-flags';
import { UsageError } from './usage-error';
import { assertWritable, writeAllOrNothing, type OutputFile } from './write-all-or-nothing';

const USAGE = `Usage: hexcast leakage FILE… [mapping options] --res R --bucket B [--tz Z] [--category V…]
         [--models LIST] [--horizon H] [--folds N|auto] [--step S] [--window W] [--validation V]
         [--coverage LIST] [--seed S] [--boundary FILE] [--metrics LIST] [--json] [--out DIR]

The leakage lab: runs the honest backtest and, on the same data, cutoffs and models, six common
mistakes — a random split of periods, features and scaler fitted on all data, a parameter picked
on the test folds, only cells with incidents scored, a study region drawn with test data, the
model universe from all data — and prints how much each flatters every metric: the honest value,
the leaky value and the inflation with its 95 % block-bootstrap interval over folds.

${BIN_HELP}
Models and protocol (as for 'hexcast backtest'):
  --models LIST         models to run the mistakes on (default ${LEAKAGE_MODELS.join(',')})
  --horizon, --folds, --step, --window, --validation, --coverage, --seed, --boundary

${MAPPING_HELP}  --category VALUE      keep only this category (repeatable)

Output:
  --metrics LIST        metric ids to print in the table (default all), e.g. mae,pai
  --json                print the lab as JSON instead of the table
  --out DIR             write leakage.json and leakage.md, and the honest run's report.json,
                        report.md and report.html (with the leakage section) into DIR
  --quiet               no progress on stderr
`;

/** The files `hexcast leakage --out DIR` writes. */
export const LEAKAGE_OUTPUTS = ['leakage.json', 'leakage.md', 'report.json', 'report.md', 'report.html'] as const;

/** `hexcast leakage`: the honest protocol next to common mistakes, and how much each inflates every metric. */
export async function leakageCommand(argv: string[], signal: AbortSignal): Promise<void> {
  const { values, positionals } = parseFlags(argv, {
    ...RUN_OPTIONS,
    metrics: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length === 0) throw new UsageError('give at least one incident or panel file');
  const protocol = protocolFromFlags(values);
  if (values.out) await mkdir(values.out, { recursive: true }); // a folder of its own, made if new
  const outputs = values.out ? LEAKAGE_OUTPUTS.map((name) => ({ flag: '--out', path: join(values.out!, name) })) : [];
  await assertWritable(outputs);
  const givenBin = binOptionsFromFlags(values, false);
  const models = await resolveModels(values.models?.split(',') ?? LEAKAGE_MODELS).catch((error: Error) => {
    throw error instanceof RangeError ? new UsageError(`--models: ${error.message}`) : error;
  });
  const progress = new Progress(process.stderr, values.quiet);
  const { prepared, bounded } = await loadFromFlags(positionals, values, givenBin, progress);
  const environment = { hexcast: HEXCAST_VERSION, runtime: `node ${process.version} (${process.platform} ${process.arch})`, libraries: LIBRARY_VERSIONS };
  const { lab, honest } = await runLeakageLab({
    panel: bounded.panel,
    region: studyRegionOf(bounded),
    protocol,
    models: models.specs,
    definitions: models.definitions,
    data: prepared.binned.data,
    environment,
    signal,
    onStage: (stage, done, total) => progress.update(stage, done, total),
  });
  if (values.out) {
    const { renderingFiles } = await import('./write-renderings');
    const files: OutputFile[] = [
      { path: join(values.out, 'leakage.json'), data: leakageJson(lab) },
      { path: join(values.out, 'leakage.md'), data: `${leakageMarkdown(lab)}\n` },
      { path: join(values.out, 'report.json'), data: reportJson(honest.report) },
      ...renderingFiles(honest.report, { md: join(values.out, 'report.md'), html: join(values.out, 'report.html') }, lab),
    ];
    await writeAllOrNothing(files);
  }
  progress.done(values.out ? `wrote ${LEAKAGE_OUTPUTS.join(', ')} to ${values.out}` : 'done');
  process.stdout.write(values.json ? leakageJson(lab) : `${leakageTable(lab, values.metrics?.split(',')).join('\n')}\n`);
}

/** The lab as the JSON file the CLI writes (two-space indent, final newline). */
function leakageJson(lab: LeakageLab): string {
  return `${JSON.stringify(lab, null, 2)}\n`;
}
