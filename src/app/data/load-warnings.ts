import type { Clock, LoadReport } from '../../lib/io/incidents';
import { wordRemedies, type RemedyWords } from '../../lib/io/load-remedies';
import type { IncidentsSummary } from '../../lib/io/summarise-incidents';
import { loadWarnings } from '../../lib/io/load-warnings';

/**
 * The app's words for the settings a load warning or error points to: its controls (the column
 * mapping's, the Binning step's Time bucket and H3 resolution, the page address).
 * @example wordRemedies('…; declare the zone with the time zone setting', APP_REMEDY_WORDS) // → '…; type it in the Time zone field of the column mapping'
 */
export const APP_REMEDY_WORDS: RemedyWords = {
  declareZone: 'type it in the Time zone field of the column mapping',
  dropDuplicates: "tick 'Drop duplicate rows' in the column mapping to drop them",
  swapLatLng: 'in the Latitude and Longitude fields of the column mapping',
  declareUnit: 'in the Epoch unit field of the column mapping',
  raisePanelLimit: "by adding ?panelmb=N (megabytes) to the page's address",
  keepOutliers: "'Keep outliers' is ticked in the column mapping",
  coarserBucket: "the Binning step's Time bucket set to {value}",
  coarserRes: "the Binning step's H3 resolution set to {value}",
};

/**
 * An error's message as the app shows it: a remedy the core names in its neutral phrase worded as the app's control.
 * @example appErrorMessage(new Error('…: declare the unit s with the time unit setting (mapping.time.unit)')) // → '…: declare the unit s in the Epoch unit field of the column mapping (mapping.time.unit)'
 */
export function appErrorMessage(error: unknown): string {
  return wordRemedies(error instanceof Error ? error.message : String(error), APP_REMEDY_WORDS);
}

/** For instants the Binning step's Time zone field also sets the zone days are cut in. */
const INSTANT_REMEDY_WORDS: RemedyWords = { ...APP_REMEDY_WORDS, declareZone: 'type it in the Time zone field of the column mapping or of the Binning step' };

/**
 * The app's words for a load warning's remedies on data of clock `clock`: for instants the zone
 * may also be typed in the Binning step.
 * @example appRemedyWords('wall').declareZone // → 'type it in the Time zone field of the column mapping'
 */
export function appRemedyWords(clock: Clock): RemedyWords {
  return clock === 'instant' ? INSTANT_REMEDY_WORDS : APP_REMEDY_WORDS;
}

/**
 * A load's warnings as the load report shows them (`loadWarnings`), each remedy worded as the
 * app's own control. A zone set in the
 * Binning step (`binningZone`, by its field or a link's `tz`) is in force as much as a declared
 * one: binning uses it before the data's.
 * @example appLoadWarnings(report, summary, 'occurred_at', null)[0] // → "no time zone declared for 'occurred_at' (…); type it in the Time zone field of the column mapping"
 */
export function appLoadWarnings(
  report: Pick<LoadReport, 'warnings'>,
  summary: Pick<IncidentsSummary, 'clock' | 'timeZone'>,
  timeColumn: string,
  binningZone: string | null,
): string[] {
  const words = appRemedyWords(summary.clock);
  return loadWarnings(summary, report, timeColumn, binningZone).map((warning) => wordRemedies(warning, words));
}
