/**
 * Why a row of a forecast file was not used, in the order they are checked: a row counts under
 * the first that applies, so `read === used + Σ dropped` always.
 */
export const FORECAST_DROP_REASONS = [
  'record-malformed',
  'time-null',
  'time-unparseable',
  'time-implausible',
  'cutoff-unparseable',
  'cell-null',
  'cell-invalid',
  'location-unparseable',
  'location-null',
  'location-zero',
  'location-out-of-range',
  'value-invalid',
  'value-negative',
  'period-misaligned',
  'period-outside-backtest',
  'cell-outside-panel',
  'cell-outside-region',
  'duplicate',
  'fold-not-scored',
] as const;

/** One forecast-file drop reason. */
export type ForecastDropReason = (typeof FORECAST_DROP_REASONS)[number];

/** A one-byte code per reason (0 = used; k = FORECAST_DROP_REASONS[k − 1]). */
export const FORECAST_DROP_CODE: Readonly<Record<ForecastDropReason, number>> = Object.fromEntries(
  FORECAST_DROP_REASONS.map((reason, i) => [reason, i + 1]),
) as Record<ForecastDropReason, number>;

/** Each reason in plain words, for the report and the app. */
export const FORECAST_DROP_TEXT: Readonly<Record<ForecastDropReason, string>> = {
  'record-malformed': 'a CSV record with the wrong number of fields, or a quote never closed (not read as a row)',
  'time-null': 'period is missing',
  'time-unparseable': 'period could not be parsed',
  'time-implausible': 'period lies before 1900 or from 2100 on',
  'cutoff-unparseable': 'cutoff is missing or could not be parsed',
  'cell-null': 'cell is missing',
  'cell-invalid': 'not a valid H3 cell index',
  'location-unparseable': "a location column holds text that is no number in the column's format",
  'location-null': 'location is missing',
  'location-zero': 'both coordinates are exactly 0',
  'location-out-of-range': 'location is not a valid latitude/longitude (after projection)',
  'value-invalid': 'forecast value is missing or not finite',
  'value-negative': 'a negative expected count',
  'period-misaligned': "period is not the start of one of the panel's time buckets",
  'period-outside-backtest': "period (or cutoff) is not a test period of the backtest's folds",
  'cell-outside-panel': 'place falls in no cell of the panel',
  'cell-outside-region': 'place falls outside the study region (where a score or flag cannot count)',
  duplicate: 'repeats the period and cell of an earlier row',
  'fold-not-scored': 'its fold is not covered by every external file, so no model is scored on it',
};
