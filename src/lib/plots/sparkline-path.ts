/**
 * An SVG path (`M x,y L x,y …`) of `values` across a `width × height` box, scaled so the
 * smallest finite value touches the bottom and the largest the top (a flat series sits in the
 * middle); non-finite values break the line. Coordinates are rounded to 0.1 px.
 * @example sparklinePath([0, 1, 2], 20, 10) // → 'M0,10L10,5L20,0'
 */
export function sparklinePath(values: ArrayLike<number>, width: number, height: number): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
  }
  const round = (v: number): number => Math.round(v * 10) / 10;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let path = '';
  let pen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const y = hi > lo ? height - ((v - lo) / (hi - lo)) * height : height / 2;
    path += `${pen ? 'L' : 'M'}${round(i * step)},${round(y)}`;
    pen = true;
  }
  return path;
}
