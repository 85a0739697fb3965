import type { MistakeId } from '../../../lib/leakage/mistake-catalogue';

/**
 * Why each mistake of the leakage lab moves the scores, in one plain paragraph with its source.
 * No numbers: the lesson shows the measured ones next to it.
 */
export const MISTAKE_EXPLANATIONS: Readonly<Record<MistakeId, string>> = {
  'random-split':
    'A forecast is made before the period it forecasts. A random split trains on weeks after the test week as well as before it, so the model has seen the future’s ' +
    'overall level and trend; a model that copies “last week” instead copies a random week, which can hurt it. Either way the score no longer measures ' +
    'forecasting. Time-ordered data needs rolling-origin evaluation (Tashman 2000; Roberts et al. 2017 on cross-validation with temporal and spatial structure).',
  'features-on-all-data':
    'A per-cell mean or a scaler computed on all periods carries the test periods’ counts into the features the model trains on: the model is partly told the answer. ' +
    'Every statistic a model learns — means, scales, encodings — must come from the training span of each fold only (Kaufman et al. 2012, “Leakage in data mining”).',
  'tuning-on-test':
    'Trying several settings and keeping the one that scores best on the test folds picks the setting that was luckiest on those very weeks. The score of the winner ' +
    'is then optimistic: the choice has to be made on validation periods before each cutoff (Cawley & Talbot 2010 on selection bias in model evaluation).',
  'zeros-dropped':
    'Most cell-weeks have no incident. Scoring only the cells where something happened removes all the easy “nothing will happen here” answers and all the false ' +
    'alarms: hit-rate-like metrics look better because the denominator shrank to the places that had crime, while error metrics look worse because only the ' +
    'non-zero counts are left. Either way the number describes a different question (Chainey et al. 2008 define PAI over the whole study area).',
  'region-from-all-data':
    'Drawing the study area as “where the incidents are” in the whole file uses the test weeks to decide which places count. Places that only become active later ' +
    'are added, and the hotspot metrics’ area changes with them. The honest region comes from before the first cutoff or from a declared boundary.',
  'future-geography':
    'Fitting each fold’s models on every cell that ever has an incident tells them where incidents will appear later: pooled means and smoothing borrow from cells ' +
    'that, at the cutoff, had no history yet. A forecast made on the day could not know those places (Kaufman et al. 2012).',
};

/** The sentence shown when a mistake changed nothing on this panel, with why that can happen. */
export const UNCHANGED_NOTE: Readonly<Record<MistakeId, string>> = {
  'random-split': 'On this panel the random split happens to change nothing.',
  'features-on-all-data': 'On this panel the features fitted on all data happen to change nothing.',
  'tuning-on-test': 'On this panel the test folds pick the same settings as the validation periods.',
  'zeros-dropped': 'On this panel every scored cell had an incident, so dropping the zeros drops nothing.',
  'region-from-all-data':
    'On this panel every cell already had an incident before the first cutoff, so the leaky region is the honest one: a leak can be harmless on one data set and not on the next, which is why the lab tests for it.',
  'future-geography':
    'On this panel every cell already had an incident before the first cutoff, so no fold learns a place from the future: harmless here, not on data whose places appear over time.',
};
