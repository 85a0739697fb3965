import { Float64 } from 'apache-arrow';
import { random } from '../base/random';
import { cellOf, centreOf, edgeLengthAt } from '../grid/h3';
import type { Panel } from '../grid/panel';
import { arrowTableBytes, timeVector, vectorOfValues } from '../io/arrow-table-bytes';

/** Simulated incidents as points: a time on the panel's clock and a location, one per recorded incident. */
export interface WorldIncidents {
  readonly time: Float64Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
}

/**
 * Turns a panel of counts into that many incidents, seeded: each placed uniformly inside its
 * H3 cell (drawn uniformly in the disc of radius one edge length around the centre — the
 * hexagon's circumradius — and kept when `cellOf` gives back the cell) at a time uniform inside
 * its period. Binning them at the panel's resolution and bucket gives back `panel.counts`.
 * Incidents come in period order, then cell order.
 * @example worldIncidents(panel, 1).time.length // → the panel's total count
 */
export function worldIncidents(panel: Pick<Panel, 'res' | 'cells' | 'periods' | 'end' | 'counts'>, seed: number): WorldIncidents {
  const C = panel.cells.length;
  const P = panel.periods.length;
  let total = 0;
  for (let i = 0; i < panel.counts.length; i++) total += panel.counts[i];
  const time = new Float64Array(total);
  const lat = new Float64Array(total);
  const lng = new Float64Array(total);
  const rng = random(seed);
  const radiusKm = edgeLengthAt(panel.res) / 1000;
  const centres = panel.cells.map(centreOf);
  let e = 0;
  for (let p = 0; p < P; p++) {
    const start = panel.periods[p];
    const length = (p + 1 < P ? panel.periods[p + 1] : panel.end) - start;
    for (let c = 0; c < C; c++) {
      const n = panel.counts[p * C + c];
      if (n === 0) continue;
      const { lat: lat0, lng: lng0 } = centres[c];
      const kmPerLng = 111.32 * Math.cos((lat0 * Math.PI) / 180);
      for (let k = 0; k < n; k++) {
        let point = { lat: lat0, lng: lng0 };
        for (let attempt = 0; attempt < 100; attempt++) {
          const r = radiusKm * Math.sqrt(rng.next());
          const angle = 2 * Math.PI * rng.next();
          const candidate = { lat: lat0 + (r * Math.sin(angle)) / 111.32, lng: lng0 + (r * Math.cos(angle)) / kmPerLng };
          if (cellOf({ ...candidate, res: panel.res }) === panel.cells[c]) {
            point = candidate;
            break;
          }
        }
        time[e] = start + Math.floor(rng.next() * length);
        lat[e] = point.lat;
        lng[e] = point.lng;
        e++;
      }
    }
  }
  return { time, lat, lng };
}

/**
 * The simulated incidents of a panel (`worldIncidents`) as an Arrow IPC file the workbench
 * opens like any incident file: columns `date` (timestamp on the panel's clock: with its zone
 * for instants, none for wall-clock readings), `latitude`, `longitude`, and schema metadata
 * saying it is simulated and from which seed.
 * @example openFiles([{ name: 'world.arrow', bytes: worldArrow(panel, 1) }]) // → incidents that bin back to panel.counts
 */
export function worldArrow(
  panel: Pick<Panel, 'res' | 'bucket' | 'cells' | 'periods' | 'end' | 'counts'>,
  seed: number,
  metadata: Readonly<Record<string, string>> = {},
): Uint8Array {
  const { time, lat, lng } = worldIncidents(panel, seed);
  return arrowTableBytes(
    {
      date: timeVector(time, panel.bucket.clock, panel.bucket.timeZone),
      latitude: vectorOfValues(Array.from(lat), new Float64()),
      longitude: vectorOfValues(Array.from(lng), new Float64()),
    },
    { 'hexcast:simulated': 'true', 'hexcast:seed': String(seed), ...metadata },
  );
}
