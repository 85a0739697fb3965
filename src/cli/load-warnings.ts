import type { ColumnMapping } from '../lib/io/column-mapping';
import type { Incidents } from '../lib/io/incidents';
import { wordRemedies, type RemedyWords } from '../lib/io/load-remedies';
import { loadWarnings } from '../lib/io/load-warnings';
import type { Progress } from './progress';

/**
 * The CLI's words for the settings a load warning or error points to: its flags.
 * @example wordRemedies('…: kept; drop them with the duplicates setting', CLI_REMEDY_WORDS) // → '…: kept; drop them with --duplicates drop'
 */
export const CLI_REMEDY_WORDS: RemedyWords = {
  declareZone: 'declare it with --tz ZONE (an IANA name such as America/New_York)',
  dropDuplicates: 'drop them with --duplicates drop',
  swapLatLng: 'with --lat and --lng',
  declareUnit: 'with --time-unit',
  raisePanelLimit: 'with --max-panel-mb',
  keepOutliers: '--keep-outliers is given',
  coarserBucket: '--bucket {value}',
  coarserRes: '--res {value}',
};

/**
 * An error's message as the CLI prints it: a remedy the core names in its neutral phrase worded as the flag.
 * @example cliErrorMessage(new Error('…, or raise the limit with the panel size limit setting where the memory is there')) // → '…, or raise the limit with --max-panel-mb where …'
 */
export function cliErrorMessage(error: unknown): string {
  return wordRemedies(error instanceof Error ? error.message : String(error), CLI_REMEDY_WORDS);
}

/**
 * A load's warnings as the CLI prints them (`loadWarnings`), each remedy worded as a flag.
 * @example cliLoadWarnings(plainfield, mapping)[0] // → "no time zone declared for 'occurred_at' (…); declare it with --tz ZONE (…)"
 */
export function cliLoadWarnings(incidents: Pick<Incidents, 'clock' | 'timeZone' | 'report'>, mapping: Pick<ColumnMapping, 'time'>): string[] {
  return loadWarnings(incidents, incidents.report, mapping.time.column).map((warning) => wordRemedies(warning, CLI_REMEDY_WORDS));
}

/**
 * Prints the warnings a run's report keeps (`data.warnings`: the load's, `loadWarnings`, in
 * neutral phrases) on stderr as `hexcast bin` prints a load's, each remedy worded as a flag. Every
 * command that loads through `loadFromFlags` (backtest, check-claim, leakage, fit) prints them so.
 * @example noteLoadWarnings(progress, prepared.binned.data) // stderr: "warning: no time zone declared for 'occ_date' (…); declare it with --tz ZONE (…)"
 */
export function noteLoadWarnings(progress: Pick<Progress, 'note'>, data: { readonly warnings?: readonly string[] }): void {
  for (const warning of data.warnings ?? []) progress.note(`warning: ${wordRemedies(warning, CLI_REMEDY_WORDS)}`);
}
