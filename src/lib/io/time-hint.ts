import { declaredZoneText, type TimeCandidate } from './suggest-time';

/**
 * Why a time column was read as it is, naming the zone in force and where it comes from: the
 * file's declaration (the candidate's own reason) while `zoneInForce` is empty or that zone, else
 * the user's choice (with what the file declares, if anything). `zoneInForce`: the zone of the
 * mapping applied ('' or undefined: as the file declares).
 *
 * @example
 * timeColumnHint(chicagoCandidate, 'America/Denver')
 * // → "Timestamp<MILLISECOND> column, …: wall-clock readings; zone America/Denver, as you set it (the file declares America/Chicago in schema metadata 'occurred_at')"
 */
export function timeColumnHint(candidate: Pick<TimeCandidate, 'reason' | 'declaredZone'>, zoneInForce: string | undefined): string {
  const chosen = zoneInForce?.trim() ?? '';
  const declared = candidate.declaredZone;
  // Intl reads zone names in any case: 'america/chicago' is the zone the file declares.
  if (chosen === '' || chosen.toLowerCase() === declared?.value.toLowerCase()) return candidate.reason;
  const suffix = declared ? declaredZoneText(declared) : '';
  const basis = suffix && candidate.reason.endsWith(suffix) ? candidate.reason.slice(0, -suffix.length) : candidate.reason;
  return `${basis}; zone ${chosen}, as you set it${declared ? ` (the file declares ${declared.value} in ${declared.source})` : ''}`;
}
