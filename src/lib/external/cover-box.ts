import { cellOf, cellsInPolygon } from '../grid/h3';

/** Metres per degree of latitude (mean; the box is a few hundred metres, where the error is below 1 %). */
const METRES_PER_DEGREE = 111_320;

/**
 * The H3 cells at `res` that stand for a square box of side `side` metres centred on a point:
 * the cells whose centres fall in the box (`cellsInPolygon`), or, when the box is smaller than
 * a cell and holds no centre, the one cell containing the point. The cover's area differs from
 * the box's (side²): the caller reports by how much.
 * @example coverBox({ lat: 40.6, lng: -74.4, side: 152.4, res: 8 }) // → ['882a1…'] (one cell of ~0.74 km² for a 0.023 km² box)
 */
export function coverBox({ lat, lng, side, res }: { lat: number; lng: number; side: number; res: number }): string[] {
  const dLat = side / 2 / METRES_PER_DEGREE;
  const dLng = side / 2 / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  const ring = [
    [lng - dLng, lat - dLat],
    [lng + dLng, lat - dLat],
    [lng + dLng, lat + dLat],
    [lng - dLng, lat + dLat],
    [lng - dLng, lat - dLat],
  ];
  const cells = cellsInPolygon({ rings: [ring], res });
  return cells.length > 0 ? cells : [cellOf({ lat, lng, res })];
}
