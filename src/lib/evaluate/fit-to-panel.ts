import { resolveParams, type ModelContext, type ModelDefinition, type ModelSpec, type ParamValue } from '../forecast/model-definition';
import { assertProtocolFits, DEFAULT_FOLDS, needText, trainingNeed, type ModelNeed, type Protocol, type ResolvedProtocol } from './protocol';

/** One setting the auto rule decided, in a sentence a reader can check. */
export interface AutoChoice {
  /** 'folds', or '<model>: <parameter>' for a model's window. */
  readonly setting: string;
  readonly value: number;
  readonly reason: string;
}

/** A model left out of the run because it cannot run on this panel, with the one-line reason. */
export interface LeftOutModel {
  readonly model: string;
  readonly reason: string;
}

/** What `fitToPanel` settled: the protocol and models the run uses, and what it chose or left out. */
export interface PanelFit {
  readonly protocol: ResolvedProtocol;
  /** The models that run, in the order asked, their shortened windows written into `params`. */
  readonly models: readonly ModelSpec[];
  readonly choices: readonly AutoChoice[];
  readonly leftOut: readonly LeftOutModel[];
}

type Params = Readonly<Record<string, ParamValue>>;

/**
 * Fits the settings left at "auto" to a panel of `periods` periods — the one place this rule lives.
 * With L = periods − horizon (training periods at the last cutoff; at most the sliding window K)
 * and each model's need = minHistory (+ validation only if it uses one, `trainingNeed`):
 *
 * 1. A model that cannot run even with one fold and its auto windows at 1 period (need > L)
 *    is left out with its reason — unless a period count the user set makes it too long,
 *    which is an error naming it. No model left → an error listing every reason.
 * 2. folds = 'auto' → n = min(DEFAULT_FOLDS, ⌊(L − T₁)/step⌋ + 1), where T₁, the first fold's
 *    training span, is the largest need among the models; a model whose auto windows can
 *    shrink counts for at most ⌈L/2⌉ (but never less than its need with windows of 1), so one
 *    long window does not starve the comparison of folds.
 * 3. Every auto window takes its by-bucket default, shortened to the largest value that fits
 *    the first fold's training span; seasons never shrink (`AutoPeriods.shrinks`).
 * 4. Explicit settings are checked as before (`assertProtocolFits`, with today's messages).
 *
 * @example 30 weekly periods, horizon 1, the baselines: seasonal-naive(m=52) is left out
 *   (needs 52 > 29); kde's 13-week window is the largest need, so folds = min(26, 29 − 13 + 1) = 17.
 */
export function fitToPanel(
  periods: number,
  protocol: Protocol,
  specs: readonly ModelSpec[],
  definitions: readonly ModelDefinition[],
  context: ModelContext,
): PanelFit {
  const { horizon, step, validation } = protocol;
  const last = periods - horizon;
  if (last < 1) throw new RangeError(`The panel has ${periods} periods; a horizon of ${horizon} needs at least ${horizon + 1}`);
  const longest = protocol.window === 'expanding' ? last : Math.min(protocol.window, last);
  const leftOut: LeftOutModel[] = [];
  const runnable: { spec: ModelSpec; definition: ModelDefinition; shrinkable: string[]; atDefault: number; atFloor: number }[] = [];

  for (const spec of specs) {
    const definition = definitionOf(spec, definitions);
    const autos = (definition.autoPeriods ?? []).filter((a) => !spec.params[a.name]);
    const shrinkable = autos.filter((a) => a.shrinks).map((a) => a.name);
    const atDefault = probe(definition, spec.params, context);
    const atFloor = probe(definition, { ...spec.params, ...Object.fromEntries(shrinkable.map((name) => [name, 1])) }, context);
    const floorNeed = trainingNeed(atFloor, validation);
    if (floorNeed > last) {
      const panelText = `but the panel has only ${last} before its last cutoff (${periods} periods, horizon ${horizon})`;
      const explicit = (definition.autoPeriods ?? []).filter((a) => spec.params[a.name]).map((a) => a.name);
      if (explicit.length > 0) {
        throw new RangeError(`Model '${atFloor.name}' ${needText(atFloor, validation)}, ${panelText}; lower ${explicit.join(', ')} or set it to 0 (auto)`);
      }
      const shortened = shrinkable.length > 0 ? ` even with its ${shrinkable.join(', ')} shortened to 1 period` : '';
      const season = autos.length > shrinkable.length ? ' (a season is never shortened)' : '';
      leftOut.push({ model: atDefault.name, reason: `${atDefault.name} ${needText(atFloor, validation)}${shortened}, ${panelText}${season}` });
    } else if (floorNeed > longest) {
      throw new RangeError(`Model '${atFloor.name}' ${needText(atFloor, validation)}, but the sliding window holds only ${longest}; use a longer --window`);
    } else {
      runnable.push({ spec, definition, shrinkable, atDefault: trainingNeed(atDefault, validation), atFloor: floorNeed });
    }
  }
  if (runnable.length === 0) {
    throw new RangeError(`No model can run on this panel of ${periods} periods: ${leftOut.map((m) => m.reason).join('; ')}`);
  }

  const choices: AutoChoice[] = [];
  let folds: number;
  if (protocol.folds === 'auto') {
    const half = Math.ceil(longest / 2);
    const counted = runnable.map((m) => (m.shrinkable.length > 0 ? Math.min(m.atDefault, Math.max(m.atFloor, half)) : m.atDefault));
    const firstSpan = Math.max(...counted);
    folds = Math.min(DEFAULT_FOLDS, Math.floor((last - firstSpan) / step) + 1);
    const who = runnable[counted.indexOf(firstSpan)];
    choices.push({
      setting: 'folds',
      value: folds,
      reason:
        folds === DEFAULT_FOLDS
          ? `auto: the default ${DEFAULT_FOLDS} fit`
          : `auto: ${DEFAULT_FOLDS} would leave too few training periods; the first fold keeps ${firstSpan} for ${probe(who.definition, who.spec.params, context).name}`,
    });
  } else {
    folds = protocol.folds;
  }
  const resolved: ResolvedProtocol = { ...protocol, folds };
  const firstCutoff = last - (folds - 1) * step;
  const firstSpan = protocol.window === 'expanding' ? firstCutoff : Math.min(protocol.window, firstCutoff);
  if (protocol.folds !== 'auto') {
    // An explicit fold count that squeezes out a model keeps today's error, naming the model as the user asked for it.
    const squeezed = runnable.filter((m) => m.atFloor > firstSpan).map((m) => probe(m.definition, m.spec.params, context));
    assertProtocolFits(periods, resolved, squeezed);
  }

  const models = runnable.map(({ spec, definition, shrinkable }) => {
    const params: Record<string, ParamValue> = { ...spec.params };
    for (const name of shrinkable) {
      if (trainingNeed(probe(definition, params, context), validation) <= firstSpan) continue;
      const byBucket = definition.autoPeriods!.find((a) => a.name === name)!.byBucket[context.bucket.unit];
      // Largest v in [1, byBucket − 1] whose need fits (needs grow with the window).
      let lo = 1;
      let hi = byBucket - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (trainingNeed(probe(definition, { ...params, [name]: mid }, context), validation) <= firstSpan) lo = mid;
        else hi = mid - 1;
      }
      params[name] = lo;
      choices.push({
        setting: `${spec.id}: ${name}`,
        value: lo,
        reason: `auto: ${byBucket} by bucket, shortened to fit the first fold's ${firstSpan} training periods`,
      });
    }
    return { id: spec.id, params };
  });
  assertProtocolFits(
    periods,
    resolved,
    models.map((spec) => probe(definitionOf(spec, definitions), spec.params, context)),
  );
  return { protocol: resolved, models, choices, leftOut };
}

function definitionOf(spec: ModelSpec, definitions: readonly ModelDefinition[]): ModelDefinition {
  const definition = definitions.find((d) => d.id === spec.id);
  if (!definition) throw new Error(`Unknown model '${spec.id}'; known models: ${definitions.map((d) => d.id).join(', ')}`);
  return definition;
}

/** A model's name and needs with these parameters (created and disposed: factories are cheap until `fit`). */
function probe(definition: ModelDefinition, params: Params, context: ModelContext): ModelNeed {
  const model = definition.create(resolveParams(definition, params), context);
  model.dispose?.();
  return { name: model.name, minHistory: model.minHistory, usesValidation: model.usesValidation };
}

/**
 * The choices and left-out models as sentences, one each, for the Markdown report, the HTML
 * report, the app and the CLI's progress.
 * @example fitToPanelLines({ choices: [{ setting: 'folds', value: 17, reason: 'auto: …' }], leftOut: [] })
 *   // → ['folds = 17 (auto: …)']
 */
export function fitToPanelLines(fit: Pick<PanelFit, 'choices' | 'leftOut'>): string[] {
  return [...fit.choices.map((c) => `${c.setting} = ${c.value} (${c.reason})`), ...fit.leftOut.map((m) => `Left out: ${m.reason}`)];
}
