/** The first plausible incident time: 1900-01-01T00:00 on the data's clock (epoch ms). */
export const PLAUSIBLE_FROM = Date.UTC(1900, 0, 1);
/** The end of plausible incident times: 2100-01-01T00:00 on the data's clock (epoch ms), exclusive. */
export const PLAUSIBLE_TO = Date.UTC(2100, 0, 1);

/**
 * True when epoch ms `t` (on either clock) can be the date of a recorded incident:
 * 1900-01-01 ≤ t < 2100-01-01. Anything else — a year typed as 1018 or 2918, seconds stored
 * as nanoseconds, a corrupted 64-bit value — is dropped as 'time-implausible' by the loader:
 * kept, one such row would stretch a panel over centuries of empty periods.
 * A day's margin either side would not change the rule: zones shift a reading by at most 14 h.
 *
 * @example
 * isPlausibleTime(Date.UTC(2018, 0, 1)) // → true; isPlausibleTime(Date.UTC(9999, 5, 1)) // → false
 */
export function isPlausibleTime(t: number): boolean {
  return t >= PLAUSIBLE_FROM && t < PLAUSIBLE_TO;
}
