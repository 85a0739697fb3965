import type { Clock } from './incidents';
import { zoneNotDeclaredWarning } from './zone-warning';

/**
 * A load's warnings as every shell shows them and a report keeps them: the zone warning
 * (`zoneNotDeclaredWarning`) first, unless the data or the binning (`binningZone`: `--tz`, the
 * Binning step's field, a link's `tz`) puts a zone in force, then the load report's own. Remedies
 * keep their neutral phrases (`REMEDY_PHRASES`); each shell words them as its own controls
 * (`wordRemedies`).
 * @example loadWarnings({ clock: 'wall', timeZone: null }, { warnings: [] }, 'occurred_at')[0]
 *   // → "no time zone declared for 'occurred_at' (…); declare the zone with the time zone setting"
 */
export function loadWarnings(
  loaded: { readonly clock: Clock; readonly timeZone: string | null },
  report: { readonly warnings: readonly string[] },
  timeColumn: string,
  binningZone: string | null = null,
): string[] {
  const zone = zoneNotDeclaredWarning({ clock: loaded.clock, timeZone: binningZone ?? loaded.timeZone }, timeColumn);
  return [...(zone ? [zone] : []), ...report.warnings];
}
