/**
 * The run's status line about its workers: the folds and models it computed and on how many
 * workers (the app's worker and its helpers), with the reason when fewer helpers computed than asked (one could not start, or died).
 * @example workersLabel(4, 2, 2) // → '4 folds × 2 models on 2 workers'
 * @example workersLabel(1, 3, 1) // → '1 fold × 3 models on 1 worker'
 * @example workersLabel(4, 1, 1, 'blocked') // → '4 folds × 1 model on 1 worker (fewer helper workers than asked: blocked)'
 */
export function workersLabel(folds: number, models: number, workers: number, note?: string): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const base = `${plural(folds, 'fold')} × ${plural(models, 'model')} on ${plural(workers, 'worker')}`;
  return note ? `${base} (fewer helper workers than asked: ${note})` : base;
}
