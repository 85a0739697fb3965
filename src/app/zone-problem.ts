import { closestTimeZones } from '../lib/base/closest-time-zones';
import { joinOr } from '../lib/base/join-or';
import { isTimeZone } from '../lib/base/time-zone';

/**
 * Why `text` cannot serve as a time zone (with the closest zones, `closestTimeZones`), or null
 * when it can; empty text (meaning "as the data declares") is fine.
 * @example zoneProblem('America/Chicgo') // → "'America/Chicgo' is not a time zone this browser knows: did you mean America/Chicago?"
 * @example zoneProblem(' ') // → null
 */
export function zoneProblem(text: string): string | null {
  const zone = text.trim();
  if (zone === '' || isTimeZone(zone)) return null;
  const close = closestTimeZones(zone);
  const hint = close.length > 0 ? `did you mean ${joinOr(close)}?` : 'use an IANA name such as America/Chicago.';
  return `'${zone}' is not a time zone this browser knows: ${hint}`;
}
