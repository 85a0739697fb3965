import { describe, expect, it } from 'vitest';
import { areaOf, cellOf, centreOf, diskOf } from '../grid/h3';
import type { Panel } from '../grid/panel';
import { applyBoundary, readBoundary, studyRegionOf } from './region';

const RES = 8;
const centre = cellOf({ lat: 41.88, lng: -87.63, res: RES });
const ring1 = diskOf({ cell: centre, k: 1 })[1]; // the centre's six neighbours
const neighbour = [...ring1].sort()[0];

/** A square of ±0.001° around a cell's centre: its cover is that cell alone (edge ≈ 530 m ≫ 110 m). */
function squareAround(cell: string): string {
  const { lat, lng } = centreOf(cell);
  const d = 0.001;
  const ring = [
    [lng - d, lat - d],
    [lng + d, lat - d],
    [lng + d, lat + d],
    [lng - d, lat + d],
    [lng - d, lat - d],
  ];
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

/** One period over the centre cell and one neighbour, 3 and 1 incidents. */
const panel = (): Panel =>
  ({
    cells: [centre, neighbour].sort(),
    area: Float64Array.from([centre, neighbour].sort(), areaOf),
    periods: Float64Array.of(0),
    end: 86_400_000,
    counts: Float32Array.from([centre, neighbour].sort(), (c) => (c === centre ? 3 : 1)),
    res: RES,
    bucket: { unit: 'day', timeZone: 'UTC', clock: 'wall' },
  }) as Panel;

describe('the region stage', () => {
  it('applyBoundary: a boundary around one empty cell adds it (1 cell, 1 added) and leaves both data cells outside', async () => {
    const empty = [...ring1].sort()[3];
    const boundary = await readBoundary({ name: 'one.geojson', text: squareAround(empty) }, RES);
    const bounded = applyBoundary(panel(), boundary);
    expect(bounded.region).toEqual([empty]);
    expect(bounded.cover).toEqual({ name: 'one.geojson', sha256: boundary.sha256, cells: 1, added: 1, outside: 2 });
    expect(bounded.panel.cells).toEqual([centre, neighbour, empty].sort()); // 2 data cells + 1 empty one
    expect(studyRegionOf(bounded)).toMatchObject({ source: 'boundary', cells: 1, area: areaOf(empty) });
  });

  it('applyBoundary: a boundary around a data cell adds nothing and leaves the other data cell outside', async () => {
    const bounded = applyBoundary(panel(), await readBoundary({ name: 'c.geojson', text: squareAround(centre) }, RES));
    expect(bounded.cover).toMatchObject({ cells: 1, added: 0, outside: 1 });
    expect(bounded.panel.cells).toEqual(panel().cells);
  });

  it('applyBoundary without a boundary passes the panel unchanged, and the backtest keeps its default region', () => {
    const p = panel();
    const bounded = applyBoundary(p, undefined);
    expect(bounded.panel).toBe(p);
    expect(bounded.cover).toBeNull();
    expect(studyRegionOf(bounded)).toBeUndefined();
  });

  it('readBoundary names the file when its square covers no cell centre at a coarse resolution', async () => {
    await expect(readBoundary({ name: 'tiny.geojson', text: squareAround(centre) }, 5)).rejects.toThrow(
      "Boundary file 'tiny.geojson': The boundary covers no H3 cell centre at resolution 5",
    );
  });
});
