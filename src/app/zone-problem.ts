import { isTimeZone } from '../lib/base/time-zone';

/**
 * Why `text` cannot serve as a time zone, or null when it can; empty text (meaning "as the
 * data declares") is fine.
 * @example zoneProblem('America/Chicgo') // → "'America/Chicgo' is not a time zone this browser knows: …"
 * @example zoneProblem(' ') // → null
 */
export function zoneProblem(text: string): string | null {
  const zone = text.trim();
  if (zone === '' || isTimeZone(zone)) return null;
  return `'${zone}' is not a time zone this browser knows: use an IANA name such as America/Chicago.`;
}
