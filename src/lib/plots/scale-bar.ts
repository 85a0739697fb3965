/**
 * A map scale bar: the longest round distance (1, 2 or 5 × 10^k metres) that fits in
 * `maxPixels`, its length in pixels and its label ('500 m', '2 km').
 * @example scaleBar(10, 120) // → { metres: 1000, pixels: 100, label: '1 km' }
 */
export function scaleBar(metresPerPixel: number, maxPixels: number): { metres: number; pixels: number; label: string } {
  const limit = metresPerPixel * maxPixels;
  if (!(limit > 0) || !Number.isFinite(limit)) return { metres: 0, pixels: 0, label: '' };
  const power = 10 ** Math.floor(Math.log10(limit));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= limit) ?? power;
  return { metres, pixels: metres / metresPerPixel, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}
