import { HEXCAST_VERSION } from '../base/versions';
import { protocolOf } from '../evaluate/protocol';
import type { ReportData } from '../evaluate/report';
import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import { leakageBars, type LeakageBar } from '../leakage/leakage-bars';
import { runLeakageLab, type LeakageLab } from '../leakage/leakage-lab';
import type { MetricKey } from '../leakage/metric-series';
import { MISTAKE_IDS, type MistakeId } from '../leakage/mistake-catalogue';
import { resolveModels } from '../pipeline/run';
import type { LessonContext, LessonRunner } from './lesson-context';

/** The models the lesson's lab runs: two baselines, fast enough for a first answer in under 2 s (bench/lesson-leakage.ts). */
export const LEAKAGE_LESSON_MODELS: readonly string[] = ['naive', 'historic-average'];

/** The lesson's honest protocol: 8 one-week-ahead rolling-origin folds, hotspot metrics at 5 % of the area. */
export const LEAKAGE_LESSON_PROTOCOL = protocolOf({ folds: 8, coverage: [0.05] });

/** The metrics the learner can predict, in the order the lesson offers them. */
export const LEAKAGE_LESSON_METRICS = ['pai', 'hitRate', 'mae', 'poissonDeviance'] as const;

/** A metric the learner can predict. */
export type LeakageLessonMetric = (typeof LEAKAGE_LESSON_METRICS)[number];

/** Input of the `leakage` lesson's computation: the mistake to show and the metric the learner predicted. */
export interface LeakageLessonInput {
  readonly mistake: MistakeId;
  readonly metric: LeakageLessonMetric;
}

/** Output of the `leakage` lesson's computation. */
export interface LeakageLessonOutput {
  /** The lab run for the chosen mistake only (its every model and metric, for the report's table). */
  readonly lab: LeakageLab;
  /** The metric as a lab key (hotspot metrics at 5 %). */
  readonly key: MetricKey;
  /** The chosen metric for each model the mistake ran on: honest, leaky, relative inflation (first = the headline). */
  readonly bars: readonly LeakageBar[];
  /** True when the mistake changed no value at all on this panel (every row's leaky mean equals its honest one). */
  readonly unchanged: boolean;
  /** Panel cells, periods and folds of the run, for the text. */
  readonly cells: number;
  readonly periods: number;
  readonly folds: number;
  readonly regionCells: number;
}

/** The lab's facts about the lesson's panel: no files, so no names or hashes. */
const LESSON_DATA: ReportData = { kind: 'panel', files: [], sha256: '', rows: { read: 0, kept: 0, dropped: {} } };

/** The labs run on a panel (the newest region), one per mistake: at most six, held weakly, so they go with their panel. */
const labs = new WeakMap<Panel, { readonly region: StudyRegion | null; readonly byMistake: Map<MistakeId, Promise<LeakageLab>> }>();

/** The honest backtest and one mistake on the panel (~0.1–0.7 s with two baselines and 8 folds), kept so that going back to it answers at once. */
function labOf(panel: Panel, mistake: MistakeId, context: LessonContext): Promise<LeakageLab> {
  let entry = labs.get(panel);
  if (!entry || !sameRegion(entry.region, context.region)) {
    entry = { region: context.region, byMistake: new Map() };
    labs.set(panel, entry);
  }
  const cached = entry.byMistake.get(mistake);
  if (cached) return cached;
  const lab = (async () => {
    const models = await resolveModels(LEAKAGE_LESSON_MODELS);
    const outcome = await runLeakageLab({
      panel,
      protocol: LEAKAGE_LESSON_PROTOCOL,
      models: models.specs,
      definitions: models.definitions,
      data: LESSON_DATA,
      ...(context.region && { region: context.region }),
      environment: { hexcast: HEXCAST_VERSION, runtime: 'lesson', libraries: {} },
      signal: context.signal,
      onStage: context.progress,
      createdAt: new Date(0),
      mistakes: [mistake],
    });
    return outcome.lab;
  })();
  const byMistake = entry.byMistake;
  lab.catch(() => byMistake.delete(mistake)); // a cancelled or failed run is not kept
  byMistake.set(mistake, lab);
  return lab;
}

/** Whether two study regions (or none) hold the same cells: the worker makes a new region object for every call. */
function sameRegion(a: StudyRegion | null, b: StudyRegion | null): boolean {
  if (a === null || b === null) return a === b;
  return a.source === b.source && a.mask.length === b.mask.length && a.mask.every((v, i) => v === b.mask[i]);
}

/**
 * The `leakage` lesson: the leakage lab (`runLeakageLab`) on the workbench's binned panel with
 * two baselines and 8 folds, run for one mistake, with the chosen metric for each model it ran on
 * (`leakageBars`: honest, leaky and the relative inflation in the leak's favour).
 * @example (await leakageLesson({ mistake: 'zeros-dropped', metric: 'pai' }, context)).bars[0].value // → +0.23 on the Chicago sample
 */
export const leakageLesson: LessonRunner<LeakageLessonInput, LeakageLessonOutput> = async (input, context) => {
  const { panel } = context;
  if (!panel) throw new Error('The leakage lesson needs binned data: open the sample or your file first');
  if (!MISTAKE_IDS.includes(input.mistake)) throw new RangeError(`The leakage lab has no mistake '${input.mistake}'`);
  const lab = await labOf(panel, input.mistake, context);
  const mistake = lab.mistakes[0];
  const key: MetricKey = input.metric === 'pai' || input.metric === 'hitRate' ? { metric: input.metric, coverage: 0.05 } : { metric: input.metric };
  const models = [...new Set(mistake.rows.map((r) => r.model))];
  const bars = models.flatMap((model) => leakageBars(lab, key, model));
  return {
    lab,
    key,
    bars,
    unchanged:
      mistake.rows.length > 0 && mistake.rows.every((r) => r.leaky.mean === r.honest.mean || (Number.isNaN(r.leaky.mean) && Number.isNaN(r.honest.mean))),
    cells: lab.panel.cells,
    periods: lab.panel.periods,
    folds: lab.protocol.folds,
    regionCells: lab.studyRegion.cells,
  };
};
