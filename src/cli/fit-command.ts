import { wallToInstant } from '../lib/base/time-zone';
import type { BucketSpec } from '../lib/grid/time-bucket';
import { DEFAULT_PROTOCOL } from '../lib/evaluate/protocol';
import { isoOf } from '../lib/base/iso-of';
import { fitAndSave } from '../lib/pipeline/saved-models';
import { BIN_HELP, binOptionsFromFlags } from './bin-flags';
import { MAPPING_HELP } from './help';
import { parseFlags } from './parse-flags';
import { Progress } from './progress';
import { loadFromFlags, RUN_OPTIONS } from './run-flags';
import { UsageError } from './usage-error';
import { assertWritable, writeAllOrNothing } from './write-all-or-nothing';

const USAGE = `Usage: hexcast fit FILE… [mapping options] --res R --bucket B [--tz Z] [--category V…]
         --model SPEC [--until DATE] [--validation V] [--seed S] --out model.json

Fits one learned model once and saves it as one file: its weights (TensorFlow.js weights
format), feature layout, scalers, prior, the panel's resolution and bucket and the training
span. 'hexcast backtest … --frozen-model model.json' then forecasts later data with it without
refitting: train once, test on the next year.

${BIN_HELP}
Model:
  --model SPEC          a learned model: poisson-glm, mlp, gru or graph, with parameters as in
                        --models (e.g. mlp:hidden=16:epochs=20)
  --until DATE          train on the periods that end by this date (YYYY-MM-DD, on the
                        panel's clock); default: every period
  --validation V        final training periods kept for early stopping (default ${DEFAULT_PROTOCOL.validation})
  --seed S              seed for every random choice (default ${DEFAULT_PROTOCOL.seed})
  --boundary FILE       GeoJSON study region

${MAPPING_HELP}  --category VALUE      keep only this category (repeatable)

Output:
  --out FILE            the saved model (JSON)
  --quiet               no progress on stderr
`;

/** `hexcast fit`: one learned model fitted once on a span and saved, to be tested frozen on later data. */
export async function fitCommand(argv: string[], signal: AbortSignal): Promise<void> {
  const { values, positionals } = parseFlags(argv, { ...RUN_OPTIONS, model: { type: 'string' }, until: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!values.out) throw new UsageError('--out model.json is required');
  if (!values.model) throw new UsageError('--model SPEC is required (poisson-glm, mlp, gru or graph)');
  const untilWall = values.until === undefined ? undefined : Date.parse(`${values.until}T00:00:00Z`);
  if (untilWall !== undefined && !Number.isFinite(untilWall)) throw new UsageError(`--until must be a date YYYY-MM-DD, got '${values.until}'`);
  const number = (flag: 'seed' | 'validation', fallback: number): number => {
    const text = values[flag];
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be a whole number ≥ 0, got '${text}'`);
    return n;
  };
  const seed = number('seed', DEFAULT_PROTOCOL.seed);
  const validation = number('validation', DEFAULT_PROTOCOL.validation);
  await assertWritable([{ flag: '--out', path: values.out }]);
  const givenBin = binOptionsFromFlags(values, false);
  const progress = new Progress(process.stderr, values.quiet);
  const { bounded } = await loadFromFlags(positionals, values, givenBin, progress);
  const { panel } = bounded;
  const P = panel.periods.length;
  const until = untilWall === undefined ? undefined : midnightOnClock(untilWall, panel.bucket);
  // Periods that end by --until: a period cut by the date would put later incidents into training.
  let cutoff = P;
  if (until !== undefined) {
    cutoff = 0;
    while (cutoff < P && (cutoff + 1 < P ? panel.periods[cutoff + 1] : panel.end) <= until) cutoff++;
    if (cutoff === 0)
      throw new UsageError(
        `--until ${values.until}: no period of the panel ends by then (it starts ${isoOf(panel.periods[0], panel.bucket.clock).slice(0, 10)})`,
      );
  }
  progress.stage(`fitting ${values.model}`);
  const saved = await fitAndSave(panel, values.model, {
    cutoff,
    seed,
    validation,
    signal,
    onProgress: (p) => progress.update(`fitting ${values.model}`, p.step ?? 0, p.steps ?? 1, p.loss === undefined ? '' : `loss ${p.loss.toPrecision(4)}`),
  }).catch((error: Error) => {
    throw error instanceof RangeError ? new UsageError(`--model: ${error.message}`) : error;
  });
  await writeAllOrNothing([{ path: values.out, data: saved.bytes }]);
  const last = cutoff < P ? panel.periods[cutoff] : panel.end;
  progress.note(
    `${saved.name} fitted on ${saved.periods} ${panel.bucket.unit} periods (${isoOf(panel.periods[0], panel.bucket.clock).slice(0, 10)} … ${isoOf(last, panel.bucket.clock).slice(0, 10)}), ${saved.cells} cells`,
  );
  progress.done(`wrote ${values.out}`);
}

/**
 * `--until`'s midnight (a wall reading encoded as UTC) on the panel's clock: the instant of local
 * midnight in the panel's zone for instant data, the reading itself for wall-clock data.
 * @example midnightOnClock(Date.UTC(2018, 0, 1), { clock: 'instant', timeZone: 'America/Chicago' }) // → Date.UTC(2018, 0, 1, 6)
 */
export function midnightOnClock(wall: number, bucket: Pick<BucketSpec, 'clock' | 'timeZone'>): number {
  return bucket.clock === 'wall' ? wall : wallToInstant(bucket.timeZone, wall);
}
