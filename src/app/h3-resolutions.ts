/**
 * The H3 resolutions the app offers, with h3-js's average hexagon edge length (m) and area
 * (km²) — written out so that the main thread need not load h3-js (binning runs in the worker).
 * h3-resolutions.test.ts checks them against h3-js.
 */
export const H3_RESOLUTIONS: readonly { readonly res: number; readonly edge: number; readonly area: number }[] = [
  { res: 5, edge: 9854.09099, area: 252.9038581819449 },
  { res: 6, edge: 3724.532667, area: 36.12906216441245 },
  { res: 7, edge: 1406.475763, area: 5.161293359717191 },
  { res: 8, edge: 531.4140101, area: 0.7373275975944177 },
  { res: 9, edge: 200.7861476, area: 0.1053325134272067 },
  { res: 10, edge: 75.86378287, area: 0.01504750190766435 },
];

/** A length in metres for people: '531 m', '1.41 km'. */
export function formatLength(metres: number): string {
  return metres >= 1000 ? `${(metres / 1000).toPrecision(3)} km` : `${Math.round(metres)} m`;
}
