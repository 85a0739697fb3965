import { formatNumber, formatPercent } from '../../../lib/base/format-number';
import type { PaintLessonOutput } from '../../../lib/lessons/paint-lesson';

type Result = Pick<NonNullable<PaintLessonOutput['result']>, 'scores' | 'total'>;

/**
 * A count of incidents, to one decimal (a tied group flagged in part counts that share of its incidents).
 * @example formatCount(8.5) // → '8.5'; formatCount(1234) // → '1,234'
 */
export const formatCount = (n: number): string => (+n.toFixed(1)).toLocaleString('en-US');
const count = formatCount;

/**
 * The reveal in words: the picks' catch against the best of the models (ties to the first
 * listed), hindsight and random selection, every number from the scores.
 * @example resultSummary(result, 'week')
 *   // → 'Your picks caught 31 of the 640 incidents of that week (5 %, PAI 0.97). The best rule, Historic average, caught 75 (12 %). …'
 */
export function resultSummary(result: Result, unit: string): string {
  const mine = result.scores.find((s) => s.kind === 'picks')!;
  const models = result.scores.filter((s) => s.kind === 'model');
  const best = models.reduce((a, b) => (b.captured > a.captured ? b : a), models[0]);
  const oracle = result.scores.find((s) => s.kind === 'oracle')!;
  const chance = result.scores.find((s) => s.kind === 'random')!;
  const gap = mine.captured - best.captured;
  const verdict =
    Math.abs(gap) < 1e-9
      ? `You tied with ${best.label}.`
      : gap > 0
        ? `You beat every rule this ${unit}, by ${count(gap)} incidents; try other ${unit}s to see whether it holds.`
        : `${best.label} beat you by ${count(-gap)} incidents.`;
  return (
    `Your picks caught ${count(mine.captured)} of the ${count(result.total)} incidents of that ${unit} (${formatPercent(mine.hitRate, 0)}, PAI ${formatNumber(mine.pai, 2)}). ` +
    `The best rule, ${best.label}, caught ${count(best.captured)} (${formatPercent(best.hitRate, 0)}). ` +
    `In hindsight the same area could have caught ${count(oracle.captured)}; random cells catch ${count(chance.captured)} on average. ${verdict}`
  );
}
