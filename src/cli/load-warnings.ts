import type { ColumnMapping } from '../lib/io/column-mapping';
import type { Incidents } from '../lib/io/incidents';
import { wordRemedies, type RemedyWords } from '../lib/io/load-remedies';
import { zoneNotDeclaredWarning } from '../lib/io/zone-warning';

/**
 * The CLI's words for the settings a load warning points to: its flags.
 * @example wordRemedies('…: kept; drop them with the duplicates setting', CLI_REMEDY_WORDS) // → '…: kept; drop them with --duplicates drop'
 */
export const CLI_REMEDY_WORDS: RemedyWords = {
  declareZone: 'declare it with --tz ZONE (an IANA name such as America/New_York)',
  dropDuplicates: 'drop them with --duplicates drop',
};

/**
 * A load's warnings as the CLI prints them: the zone warning (`zoneNotDeclaredWarning`) first,
 * then the load report's, each remedy worded as a flag.
 * @example cliLoadWarnings(plainfield, mapping)[0] // → "no time zone declared for 'occurred_at' (…); declare it with --tz ZONE (…)"
 */
export function cliLoadWarnings(incidents: Pick<Incidents, 'clock' | 'timeZone' | 'report'>, mapping: Pick<ColumnMapping, 'time'>): string[] {
  const zone = zoneNotDeclaredWarning(incidents, mapping.time.column);
  return [...(zone ? [zone] : []), ...incidents.report.warnings].map((warning) => wordRemedies(warning, CLI_REMEDY_WORDS));
}
