/**
 * Formats a number for tables and labels with `digits` significant digits, no exponent for
 * everyday magnitudes, a true minus sign, and '–' for NaN.
 * @example formatNumber(0.012345) // → '0.0123'; formatNumber(1234.5) // → '1,235'
 */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  let text: string;
  if (magnitude >= digits - 1) text = Math.round(x).toLocaleString('en-US');
  else if (magnitude < -4) text = x.toExponential(digits - 1);
  else text = x.toFixed(Math.min(20, digits - 1 - magnitude));
  return text.replace('-', '−');
}

/**
 * A fraction as a percentage with up to `decimals` decimals, trailing zeros dropped.
 * @example formatPercent(0.05) // → '5 %'; formatPercent(0.125, 1) // → '12.5 %'
 */
export function formatPercent(x: number, decimals = 1): string {
  if (Number.isNaN(x)) return '–';
  return `${(+(x * 100).toFixed(decimals)).toString().replace('-', '−')} %`;
}

/**
 * A relative skill as a signed percentage: one decimal from 1 % up, two significant digits
 * below (so a tiny but real difference never prints as "0 %"), '–' when undefined.
 * @example formatSkill(0.0523) // → '+5.2 %'; formatSkill(-0.00043) // → '−0.043 %'
 */
export function formatSkill(skill: number): string {
  if (!Number.isFinite(skill)) return '–';
  const percent = Math.abs(skill * 100);
  const sign = skill > 0 ? '+' : skill < 0 ? '−' : '±';
  if (percent < 1e-6) return '±0 %';
  const text = percent >= 1 ? percent.toFixed(1) : String(+percent.toPrecision(2));
  return `${sign}${text} %`;
}
