/**
 * The width to lay a chart out at: its natural width, or the width available to it when that is
 * less (a phone), but never under `least`. Laying out at the drawn width, rather than shrinking a
 * wide drawing to fit, keeps its 11 px text at 11 px (a 640 px chart shrunk onto a 340 px screen
 * drew 5.8 px text). `available` of 0 or less means not measured yet.
 * @example fitWidth(340, 640) // → 340
 * @example fitWidth(1200, 640) // → 640
 * @example fitWidth(0, 640) // → 640
 */
export function fitWidth(available: number, natural: number, least = 280): number {
  if (!(available > 0)) return natural;
  return Math.max(least, Math.min(natural, Math.floor(available)));
}
