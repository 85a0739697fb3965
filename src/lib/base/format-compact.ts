import { formatNumber } from './format-number';

/**
 * `formatNumber` without trailing zeros in the fraction, for captions, tooltips and legend
 * ticks where columns need not align.
 * @example formatCompact(0.5) // → '0.5'; formatCompact(3) // → '3'; formatCompact(1234.5) // → '1,235'
 */
export function formatCompact(x: number, digits = 3): string {
  const text = formatNumber(x, digits);
  return /^[−\d,]*\.\d+$/.test(text) ? text.replace(/\.?0+$/, '') : text;
}
