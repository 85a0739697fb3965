import { centreOf } from '../grid/h3';
import type { Random } from '../base/random';

/**
 * A seeded smooth random surface over H3 cells, standardised to mean 0 and standard deviation 1:
 * a sum of Gaussian bumps, z(x) = Σₖ hₖ·exp(−|x − xₖ|² / 2σₖ²), with `bumps` centres xₖ at
 * random cells, heights hₖ uniform on [0.5, 1.5] and widths σₖ uniform on [0.5, 1.5]·`width` km
 * (distances on a local equirectangular projection), then standardised. Neighbouring cells get
 * similar values, so exp(s·z) makes hotspots a few cells wide rather than salt-and-pepper.
 * A flat surface (one cell, or every value equal) returns zeros.
 * @example riskSurface(['8826…'], random(1), { bumps: 3, width: 1 }) // → Float64Array [0] (one cell: flat)
 */
export function riskSurface(cells: readonly string[], rng: Random, { bumps, width }: { bumps: number; width: number }): Float64Array {
  const C = cells.length;
  const z = new Float64Array(C);
  if (C === 0) return z;
  const centres = centresOf(cells);
  const lat0 = centres.reduce((s, c) => s + c.lat, 0) / C;
  const kmPerLat = 111.32;
  const kmPerLng = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const x = centres.map((c) => c.lng * kmPerLng);
  const y = centres.map((c) => c.lat * kmPerLat);
  for (let k = 0; k < bumps; k++) {
    const at = rng.int(C);
    const h = 0.5 + rng.next();
    const sigma = (0.5 + rng.next()) * width;
    for (let c = 0; c < C; c++) {
      const d2 = (x[c] - x[at]) ** 2 + (y[c] - y[at]) ** 2;
      z[c] += h * Math.exp(-d2 / (2 * sigma * sigma));
    }
  }
  let mean = 0;
  for (let c = 0; c < C; c++) mean += z[c] / C;
  let variance = 0;
  for (let c = 0; c < C; c++) variance += (z[c] - mean) ** 2 / C;
  const sd = Math.sqrt(variance);
  for (let c = 0; c < C; c++) z[c] = sd > 1e-12 ? (z[c] - mean) / sd : 0;
  return z;
}

/** Cell centres by cell list (the same panel's cells are surfaced at every call of a lesson). */
const CENTRES = new WeakMap<readonly string[], { lat: number; lng: number }[]>();

function centresOf(cells: readonly string[]): { lat: number; lng: number }[] {
  let found = CENTRES.get(cells);
  if (!found) {
    found = cells.map(centreOf);
    CENTRES.set(cells, found);
  }
  return found;
}
