import type { LoadReport } from '../../lib/io/incidents';
import { wordRemedies, type RemedyWords } from '../../lib/io/load-remedies';
import type { IncidentsSummary } from '../../lib/io/summarise-incidents';
import { zoneNotDeclaredWarning } from '../../lib/io/zone-warning';

/** The app's words for the settings a load warning points to: its controls in the column mapping. */
export const APP_REMEDY_WORDS: RemedyWords = {
  declareZone: 'type it in the Time zone field of the column mapping',
  dropDuplicates: "tick 'Drop duplicate rows' in the column mapping to drop them",
};

/**
 * A load's warnings as the load report shows them: the zone warning (`zoneNotDeclaredWarning`)
 * first, then the report's, each remedy worded as the app's own control.
 * @example appLoadWarnings(report, summary, 'occurred_at')[0] // → "no time zone declared for 'occurred_at' (…); type it in the Time zone field of the column mapping"
 */
export function appLoadWarnings(report: Pick<LoadReport, 'warnings'>, summary: Pick<IncidentsSummary, 'clock' | 'timeZone'>, timeColumn: string): string[] {
  const zone = zoneNotDeclaredWarning(summary, timeColumn);
  return [...(zone ? [zone] : []), ...report.warnings].map((warning) => wordRemedies(warning, APP_REMEDY_WORDS));
}
