import type { Clock } from './incidents';
import { REMEDY_PHRASES } from './load-remedies';

/**
 * The load report's warning when no time zone is in force (none declared by the data, none chosen),
 * saying what Hexcast assumes, else null. Wall-clock readings are bucketed on the clock as
 * recorded (a zone would only name it) and the panel names that clock UTC; instants are cut into
 * days and weeks at midnight UTC. No result changes: this only says so. The remedy is the neutral
 * `REMEDY_PHRASES.declareZone`, which each shell words as its own control.
 *
 * @example
 * zoneNotDeclaredWarning({ clock: 'wall', timeZone: null }, 'occurred_at')
 * // → "no time zone declared for 'occurred_at' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC; declare the zone with the time zone setting"
 */
export function zoneNotDeclaredWarning(loaded: { readonly clock: Clock; readonly timeZone: string | null }, column: string): string | null {
  if (loaded.timeZone !== null) return null;
  const [reading, assumed] =
    loaded.clock === 'wall'
      ? ['local wall-clock readings', 'days and weeks are cut on the clock as recorded, and the panel calls it UTC']
      : ['instants', 'days and weeks are cut at midnight UTC, hours off a local day anywhere else'];
  return `no time zone declared for '${column}' (${reading}): ${assumed}; ${REMEDY_PHRASES.declareZone}`;
}
