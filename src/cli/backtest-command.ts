import { fitToPanelLines } from '../lib/evaluate/fit-to-panel';
import { backendLabel } from '../lib/base/backend-label';
import { DEFAULT_PROTOCOL } from '../lib/evaluate/protocol';
import { DEFAULT_MODELS } from '../lib/pipeline/defaults';
import { forecastsFile, reportJson, resolveModels, runBacktest } from '../lib/pipeline/run';
import { foldLane } from './fold-lane';
import { defaultThreads, threadPool } from './thread-pool';
import { HEXCAST_VERSION, LIBRARY_VERSIONS } from '../lib/base/versions';
import { BIN_HELP, binOptionsFromFlags } from './bin-flags';
import { EXTERNAL_HELP, EXTERNAL_OPTIONS, externalsFromFlags } from './external-flags';
import { AREAS_HELP, MAPPING_HELP } from './help';
import { AREA_OPTIONS, areasFromFlags } from './area-flags';
import { applyAreas } from '../lib/pipeline/areas';
import { parseFlags } from './parse-flags';
import { Progress } from './progress';
import { outputPaths } from './output-paths';
import { protocolFromFlags } from './protocol-flags';
import { loadFromFlags, RUN_OPTIONS } from './run-flags';
import { UsageError } from './usage-error';
import { ALL_MODELS } from '../lib/forecast/models';
import { loadModelFiles } from './load-model-files';
import { frozenModels } from '../lib/pipeline/saved-models';
import { readBytes } from './read-bytes';
import { yieldingDefinitions } from '../lib/pipeline/yielding-definitions';
import { externalLines } from '../lib/evaluate/external-lines';
import { assertWritable, writeAllOrNothing, type OutputFile } from './write-all-or-nothing';

const USAGE = `Usage: hexcast backtest FILE… [mapping options] --res R --bucket B [--tz Z] [--category V…]
         [--horizon H] [--folds N|auto] [--step S] [--window expanding|K] [--models LIST]
         [--coverage 0.01,0.05,0.1] [--seed S] --out report.json [--md report.md]
         [--html report.html] [--forecasts forecasts.arrow] [--external NAME=FILE…]
         [--areas FILE [--area-groups COL,COL…] [--area-total COL]]
         [--model-file FILE…] [--frozen-model model.json…]

Runs every model on the same rolling-origin cutoffs, scores the stored forecasts and writes
a versioned JSON report (plus Markdown/HTML renderings and every forecast as Arrow). FILE may
also be a pre-binned panel (cell, period, count), e.g. from 'hexcast bin' or DuckDB.

${BIN_HELP}
Protocol:
  --horizon H           periods forecast after each cutoff (default ${DEFAULT_PROTOCOL.horizon})
  --folds N|auto        number of cutoffs (default auto: up to 26, as many as the panel and the
                        models' histories allow; windows left at 0 shorten to fit, models that
                        cannot run are left out — the report states each choice)
  --step S              periods between cutoffs (default ${DEFAULT_PROTOCOL.step})
  --window W            'expanding' (default) or a sliding window of W periods
  --refit R             re-estimate learned models every R folds (default ${DEFAULT_PROTOCOL.refitEvery})
  --validation V        final training periods learned models keep for early stopping (default ${DEFAULT_PROTOCOL.validation})
  --coverage LIST       hotspot coverage levels, fractions of the area (default ${DEFAULT_PROTOCOL.coverage.join(',')})
  --seed S              seed for every random choice (default ${DEFAULT_PROTOCOL.seed})
  --boundary FILE       GeoJSON study region (default: cells active before the first cutoff)

Models:
  --models LIST         comma-separated id[:key=value…]; 'baselines' (the default: every
                        baseline), 'learned', 'all'; see 'hexcast models'. E.g. naive,seasonal-naive,kde:window=8:rings=2
  --model-file FILE     your own forecaster (TypeScript or JavaScript exporting a model
                        definition; docs/own-model.md), scored with the models (repeatable); the
                        report names it as user code with the file's SHA-256. Check it first
                        with 'hexcast check-model FILE'
  --frozen-model FILE   a model saved by 'hexcast fit' (repeatable): forecasts every fold with
                        the weights it was fitted with, never refitted; the report marks it
                        frozen with its training span. Every cutoff must come after that span

${EXTERNAL_HELP}
${AREAS_HELP}
${MAPPING_HELP}  --category VALUE      keep only this category (repeatable)

Output:
  --out FILE            the JSON report (required)
  --md FILE             Markdown report (chart SVGs are written beside it)
  --html FILE           standalone HTML report
  --forecasts FILE      every forecast as a long Arrow table
  --quiet               no progress on stderr

Speed:
  --threads N           threads to spread the folds and models of learned models over (default:
                        the machine's logical cores, here ${defaultThreads()}; 1: one thread): this
                        one and N − 1 more. The report's numbers are the same for every N; a run
                        of baselines alone stays on one thread (starting threads costs more
                        than it saves)
`;

/** `--threads N`: a whole number ≥ 1, the machine's logical cores when absent. */
function threadsFromFlag(text: string | undefined): number {
  if (text === undefined) return defaultThreads();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--threads: expected a whole number ≥ 1, got '${text}'`);
  return n;
}

/** `hexcast backtest`: the honest comparison, from files to a report. */
export async function backtestCommand(argv: string[], signal: AbortSignal): Promise<void> {
  const { values, positionals } = parseFlags(argv, {
    ...RUN_OPTIONS,
    ...EXTERNAL_OPTIONS,
    ...AREA_OPTIONS,
    out: { type: 'string' },
    md: { type: 'string' },
    html: { type: 'string' },
    forecasts: { type: 'string' },
    'model-file': { type: 'string', multiple: true },
    'frozen-model': { type: 'string', multiple: true },
    threads: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!values.out) throw new UsageError('--out report.json is required');
  const protocol = protocolFromFlags(values);
  const threads = threadsFromFlag(values.threads);
  await assertWritable(outputPaths(values)); // before hours of work, not after
  const givenBin = binOptionsFromFlags(values, false); // checks the binning flags given, before any file is read
  const own = await loadModelFiles(values['model-file'] ?? [], ALL_MODELS);
  const saved = await Promise.all((values['frozen-model'] ?? []).map(async (path) => ({ name: path, bytes: await readBytes(path) })));
  const texts = [...(values.models?.split(',') ?? DEFAULT_MODELS), ...own.map((d) => d.id)];
  await resolveModels(texts, own).catch((error: Error) => {
    throw error instanceof RangeError ? new UsageError(`--models: ${error.message}`) : error;
  }); // checks the list before any file is read
  const progress = new Progress(process.stderr, values.quiet);
  const areaLayer = await areasFromFlags(values); // a bad area file fails before the binning

  const { opened, prepared, bounded } = await loadFromFlags(positionals, values, givenBin, progress);
  const frozen = await frozenModels(saved, bounded.panel, [...ALL_MODELS, ...own]);
  const models = await resolveModels([...texts, ...frozen.map((d) => d.id)], [...own, ...frozen]);
  const external = await externalsFromFlags(values);
  const { panel } = bounded;
  const areas = areaLayer && applyAreas(areaLayer, panel);
  for (const line of areas?.lines ?? []) progress.note(line);
  progress.note(
    `panel: ${panel.cells.length.toLocaleString('en-US')} cells × ${panel.periods.length.toLocaleString('en-US')} ${panel.bucket.unit} periods; ${models.specs.length} models × ${protocol.folds} folds`,
  );

  const environment = { hexcast: HEXCAST_VERSION, runtime: `node ${process.version} (${process.platform} ${process.arch})`, libraries: LIBRARY_VERSIONS };
  const timings = { openMs: opened.ms, ...prepared.timings };
  // The main thread is one of the lanes (`foldLane`): `--threads 2` starts one more thread.
  const pool = threads > 1 ? threadPool(threads, panel, undefined, foldLane(panel)) : undefined;
  let outcome;
  try {
    outcome = await runBacktest(
      prepared.binned,
      bounded,
      { models, protocol, environment, timings, external: external.map((e) => e.model), ...(areas && { areas: areas.attributes }) },
      {
        signal,
        pool,
        // Each fit first yields to the event loop, so Ctrl-C (a SIGINT handler, run by the loop) stops a run of baselines,
        // which fit synchronously, between folds instead of after the last.
        wrapDefinitions: yieldingDefinitions,
        onBackend: (backend, threads) => progress.note(`TensorFlow.js backend: ${backendLabel(backend, threads)}`),
        onProgress: (p) => progress.run(p),
      },
    );
  } finally {
    await pool?.close();
  }
  const { report } = outcome;
  // Every output, whole or not at all: a failure leaves no partial set beside older files.
  const files: OutputFile[] = [{ path: values.out, data: reportJson(report) }];
  if (values.forecasts) files.push({ path: values.forecasts, data: forecastsFile(outcome) });
  if (values.md || values.html) {
    const { renderingFiles } = await import('./write-renderings');
    const { studyMapOfPanel } = await import('./study-map-data');
    const { middleCoverage } = await import('../lib/plots/coverage-choices');
    const map = values.html
      ? studyMapOfPanel(
          outcome.panel,
          outcome.region,
          middleCoverage(report.protocol.coverage),
          `${report.panel.firstPeriod.slice(0, 10)} – ${report.panel.lastPeriod.slice(0, 10)}`,
        )
      : undefined;
    files.push(...renderingFiles(report, { md: values.md, html: values.html }, undefined, map));
  }
  await writeAllOrNothing(files);
  const written = [values.out, values.forecasts, values.md, values.html].filter((p): p is string => p !== undefined);
  for (const line of fitToPanelLines(report.fitToPanel ?? { choices: [], leftOut: [] })) progress.note(line);
  if (report.external) for (const line of externalLines(report.external)) progress.note(line);
  progress.note(report.summary.headline);
  progress.done(`wrote ${written.join(', ')}`);
}
