/** The mistakes the leakage lab runs, in the order it shows them. */
export const MISTAKE_IDS = ['random-split', 'features-on-all-data', 'tuning-on-test', 'zeros-dropped', 'region-from-all-data', 'future-geography'] as const;

export type MistakeId = (typeof MISTAKE_IDS)[number];

/** What a mistake is, where it is seen in practice, and which models it touches. */
export interface MistakeInfo {
  readonly id: MistakeId;
  /** A short title for tables and bars. */
  readonly title: string;
  /** One sentence: what the leaky protocol does differently from the honest one. */
  readonly mistake: string;
  /** Where the mistake is seen in practice. */
  readonly seenIn: string;
}

/**
 * Every mistake of the lab, with the sentences every rendering prints. The code of each lives in
 * its own file of `src/lib/leakage`, named after it.
 */
export const MISTAKES: Readonly<Record<MistakeId, MistakeInfo>> = {
  'random-split': {
    id: 'random-split',
    title: 'Random split of periods',
    mistake:
      'each test span is forecast by a model trained on a random 80 % of the other periods, earlier and later ones alike, instead of only the periods before the cutoff',
    seenIn: 'scikit-learn’s train_test_split or a shuffled KFold applied to rows of a panel; the default in many tabular AutoML tools',
  },
  'features-on-all-data': {
    id: 'features-on-all-data',
    title: 'Features and scaler fitted on all data',
    mistake:
      'the lab’s lag regression computes its per-cell mean-rate feature and fits its standardising scaler on every period, test periods included, instead of on the training span',
    seenIn: 'a StandardScaler or a target (mean) encoding fitted before the split; features computed once for the whole table and then split',
  },
  'tuning-on-test': {
    id: 'tuning-on-test',
    title: 'Parameter picked on the test folds',
    mistake:
      'the window-average k and the ewma α are picked as the value that scores best on the test folds themselves, instead of per fold on the validation periods before the cutoff',
    seenIn: 'grid searches scored on the test set; picking the best epoch or the best of many configurations by their published test score',
  },
  'zeros-dropped': {
    id: 'zeros-dropped',
    title: 'Only cells with incidents scored',
    mistake: 'each test period is scored only on the cells that had an incident in it (the zeros dropped), instead of every cell of the study region',
    seenIn: 'evaluations that score "the cells where crime happened", or join forecasts to incident records (an inner join drops every zero)',
  },
  'region-from-all-data': {
    id: 'region-from-all-data',
    title: 'Study region drawn with test data',
    mistake:
      'the study region is every cell with an incident anywhere in the data, test periods included, instead of the cells seen before the first cutoff or a declared boundary',
    seenIn: 'a city area defined as "where the incidents are" from the whole file, or a grid clipped to the full data’s extent',
  },
  'future-geography': {
    id: 'future-geography',
    title: 'Model universe from all data',
    mistake:
      'every fold’s models are fitted on every cell with an incident anywhere in the data, instead of the cells seen before the cutoff (the leak fixed in Hexcast’s honesty issue)',
    seenIn: 'a panel built from the whole file and handed to every fold: pooled means, smoothing and normalisation then know where incidents appear later',
  },
};
