import { BASELINES } from './baselines';
import type { ModelDefinition } from './model-definition';
import { SEPP } from './sepp';

/**
 * Every model Hexcast can run, baselines first: the catalogue behind `hexcast models`,
 * `--models` and the app's model picker. Learned tfjs models are added by `withLearned`
 * where tfjs may be loaded (it is heavy; the CLI and the worker load it lazily).
 */
export const ALL_MODELS: readonly ModelDefinition[] = [...BASELINES, SEPP];
