import { describe, expect, it } from 'vitest';
import { cellOf } from '../grid/h3';
import { detectMapping } from '../io/detect-mapping';
import { binLoaded } from '../pipeline/bin';
import { loadMapped, openFiles } from '../pipeline/load';
import { knownWorld } from './known-world';
import { patchGeometry } from './patch-geometry';
import { worldIncidents, worldArrow } from './world-incidents';

const OPTIONS = { meanRate: 0.8, concentration: 1, yearly: 0.3, weekly: 0.2, noise: 0.3, excitation: 0.3, reporting: 0.8, reportingSpread: 0.5, seed: 5 };

describe('worldIncidents', () => {
  it('puts every incident inside its own cell and period', () => {
    const { panel } = knownWorld(patchGeometry({ rings: 2, periods: 6 }), OPTIONS);
    const points = worldIncidents(panel, 1);
    const C = panel.cells.length;
    let e = 0;
    for (let p = 0; p < 6; p++) {
      for (let c = 0; c < C; c++) {
        for (let k = 0; k < panel.counts[p * C + c]; k++, e++) {
          expect(cellOf({ lat: points.lat[e], lng: points.lng[e], res: 8 })).toBe(panel.cells[c]);
          expect(points.time[e]).toBeGreaterThanOrEqual(panel.periods[p]);
          expect(points.time[e]).toBeLessThan(p + 1 < 6 ? panel.periods[p + 1] : panel.end);
        }
      }
    }
    expect(e).toBe(points.time.length);
  });
});

describe('worldArrow round trip through the pipeline', () => {
  it('openFiles → detected mapping → loadMapped → binLoaded gives back the simulated counts, cell by cell and week by week', async () => {
    const { panel } = knownWorld(patchGeometry({ rings: 3, periods: 30 }), OPTIONS);
    const bytes = worldArrow(panel, 9);
    const opened = await openFiles([{ name: 'world.arrow', bytes }]);
    expect(opened.kind).toBe('incidents');
    const mapping = detectMapping(opened.sources).mapping!;
    expect(mapping).toMatchObject({ time: { column: 'date' }, location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' } });
    const loaded = loadMapped(opened, mapping);
    const total = panel.counts.reduce((s, v) => s + v, 0);
    expect(loaded.incidents.length).toBe(total);
    const binned = binLoaded(opened, loaded, { res: 8, unit: 'week', timeZone: null, categories: null, trimPartial: false });
    const back = binned.panel;
    // Binning keeps only cells with an incident and periods from the first to the last one: compare through indexes.
    const C = panel.cells.length;
    const first = panel.periods.indexOf(back.periods[0]);
    expect(first).toBeGreaterThanOrEqual(0);
    for (let p = 0; p < panel.periods.length; p++) {
      for (let c = 0; c < C; c++) {
        const b = back.cells.indexOf(panel.cells[c]);
        const q = p - first;
        const got = b < 0 || q < 0 || q >= back.periods.length ? 0 : back.counts[q * back.cells.length + b];
        if (got !== panel.counts[p * C + c]) throw new Error(`period ${p}, cell ${c}: binned ${got}, simulated ${panel.counts[p * C + c]}`);
      }
    }
    expect(back.counts.reduce((s, v) => s + v, 0)).toBe(total);
    expect(back.bucket).toMatchObject({ unit: 'week', clock: 'wall' });
  });
});
