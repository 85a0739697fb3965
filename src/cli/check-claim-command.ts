import { HEXCAST_VERSION, LIBRARY_VERSIONS } from '../lib/base/versions';
import { checkClaim, CLAIM_EXAMPLES, claimCheckJson, claimFormLines, parseClaim } from '../lib/claims';
import { DEFAULT_PROTOCOL, protocolOf } from '../lib/evaluate/protocol';
import type { RunProgress } from '../lib/evaluate/run-forecasts';
import { binningVariants, runBinningVariants } from '../lib/pipeline/binning-variants';
import { DEFAULT_MODELS } from '../lib/pipeline/defaults';
import { resolveModels, runBacktest } from '../lib/pipeline/run';
import { BIN_HELP, BIN_OPTIONS, binOptionsFromFlags } from './bin-flags';
import { escapeTerminal } from '../lib/base/escape-terminal';
import { claimCheckLines } from './claim-check-lines';
import { MAPPING_HELP } from './help';
import { MAPPING_OPTIONS } from './mapping-flags';
import { cliErrorMessage } from './load-warnings';
import { loadFromFlags } from './run-flags';
import { parseFlags } from './parse-flags';
import { Progress } from './progress';
import { UsageError } from './usage-error';

const USAGE = `Usage: hexcast check-claim FILE… [mapping options] --res R --bucket B --claim "TEXT"|--example ID
         [--models LIST] [--vary period,cells|none] [--boundary FILE] [--seed S] [--json]

Checks a stated claim about a crime forecast on your data, under the claim's own terms: what
every baseline achieves (with 95 % intervals over rolling-origin folds), random selection of
the same area, the hindsight ceiling (the most any selection of that area could have captured
in each period: a claim above it is impossible on this data), the verdict, and the terms the
claim leaves open with how much each moves the answer.

Claim forms read:
  ${claimFormLines().join('\n  ')}

${BIN_HELP}
Check:
  --claim TEXT          the claim, in one of the forms above
  --example ID          or a shipped public claim, with its source:
                        ${CLAIM_EXAMPLES.map((e) => e.id).join(', ')}
  --models LIST         the baselines to compare (default: every baseline; see 'hexcast models')
  --vary LIST           open terms to re-run: period (day, week, month), cells (res ± 1), or
                        none (default period,cells: each is another backtest)
  --boundary FILE       GeoJSON study region (default: cells active before the first cutoff)
  --seed S              seed of the intervals and models (default ${DEFAULT_PROTOCOL.seed})
  --json                the answer as JSON on stdout
  --quiet               no progress on stderr

${MAPPING_HELP}  --category VALUE      keep only this category (repeatable)
`;

/** `hexcast check-claim`: a stated claim checked on the user's data under its own terms. */
export async function checkClaimCommand(argv: string[], signal: AbortSignal): Promise<void> {
  const { values, positionals } = parseFlags(argv, {
    ...MAPPING_OPTIONS,
    ...BIN_OPTIONS,
    category: { type: 'string', multiple: true },
    claim: { type: 'string' },
    example: { type: 'string' },
    models: { type: 'string' },
    vary: { type: 'string' },
    boundary: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const example = values.example === undefined ? undefined : CLAIM_EXAMPLES.find((e) => e.id === values.example);
  if (values.example !== undefined && !example)
    throw new UsageError(`--example must be one of ${CLAIM_EXAMPLES.map((e) => e.id).join(', ')}, got '${values.example}'`);
  const text = values.claim ?? example?.text;
  if (text === undefined) throw new UsageError('--claim "TEXT" (or --example ID) is required');
  const claim = parseClaim(text); // an unreadable claim fails before any file is read
  const vary = varyFromFlag(values.vary);
  const seed = values.seed === undefined ? DEFAULT_PROTOCOL.seed : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got '${values.seed}'`);
  const protocol = protocolOf({ seed });
  const models = await resolveModels(values.models?.split(',') ?? DEFAULT_MODELS).catch((error: Error) => {
    throw error instanceof RangeError ? new UsageError(`--models: ${error.message}`) : error;
  });
  if (claim.metric === 'hotspotRatio' && !models.specs.some((s) => s.id === 'kde')) {
    throw new UsageError('a claim against hotspot maps is measured against the kde baseline: add kde to --models');
  }
  const progress = new Progress(process.stderr, values.quiet || values.json);

  const bin = binOptionsFromFlags(values, false); // checks the binning flags given, before any file is read
  const { opened, mapping, prepared, bounded, boundaryAt } = await loadFromFlags(positionals, values, bin, progress);
  const environment = { hexcast: HEXCAST_VERSION, runtime: `node ${process.version} (${process.platform} ${process.arch})`, libraries: LIBRARY_VERSIONS };
  const request = { models, protocol, environment, timings: { openMs: opened.ms, ...prepared.timings } };
  const hooks = {
    signal,
    onProgress: (p: RunProgress) => progress.run(p, false),
  };
  progress.stage('backtesting');
  const run = await runBacktest(prepared.binned, bounded, request, hooks);
  let variants: Awaited<ReturnType<typeof runBinningVariants>> = { runs: [], skipped: [] };
  if (vary.length > 0 && prepared.loaded.kind === 'incidents') {
    const settings = {
      res: prepared.panel.res,
      unit: prepared.panel.bucket.unit,
      timeZone: bin?.timeZone ?? null,
      categories: mapping?.categories ?? null,
      trimPartial: bin?.trimPartial,
      maxValues: bin?.maxValues, // --max-panel-mb binds the variants as it binds the run
    };
    progress.stage('re-running at other period lengths and cell sizes');
    variants = await runBinningVariants(prepared.opened, prepared.loaded, binningVariants(settings, vary), boundaryAt, request, hooks);
  }
  for (const s of variants.skipped) progress.note(`left out ${s.label}: ${cliErrorMessage(s.reason)}`); // a refusal's remedies worded as flags
  const check = checkClaim(claim, run, { seed, variants: variants.runs });
  const source = example && { source: example.source, status: example.status, note: example.note };
  if (values.json)
    process.stdout.write(`${JSON.stringify({ ...(claimCheckJson(check) as object), ...(source && { example: { id: example.id, ...source } }) }, null, 2)}\n`);
  else {
    const cite = example
      ? [
          `Source: ${example.source.title}${example.source.url ? ` <${example.source.url}>` : ''} (${example.status})`,
          `  "${example.source.quote}"`,
          `  ${example.note}`,
          '',
        ]
      : [];
    process.stdout.write(`${[...cite, ...claimCheckLines(check)].map(escapeTerminal).join('\n')}\n`);
  }
  progress.done(check.conclusion.kind);
}

/** --vary: 'period', 'cells', both (the default) or 'none'. */
function varyFromFlag(text: string | undefined): ('period' | 'cells')[] {
  if (text === undefined) return ['period', 'cells'];
  if (text === 'none') return [];
  const parts = text.split(',').map((p) => p.trim());
  for (const p of parts) if (p !== 'period' && p !== 'cells') throw new UsageError(`--vary takes period, cells or none, got '${p}'`);
  return parts as ('period' | 'cells')[];
}
