/**
 * Issue 13: Plainfield's 35 block groups read and apportioned to a disk of cells around the city
 * at resolutions 8, 9 and 10 (fine cells at res + 3, capped at 400,000), as the worker does at
 * every bin with a new set of cells. Target: under 2 s at resolution 9 in Node.
 */
import { apportionAreas } from '../src/lib/areas/apportion-areas';
import { chooseAreaColumns } from '../src/lib/areas/choose-area-columns';
import { readAreas } from '../src/lib/areas/read-areas';
import { cellOf, diskOf } from '../src/lib/grid/h3';
import { emit, readShared, timed } from './measure';

const text = new TextDecoder().decode(readShared('plainfield-nj-block-groups.geojson'));
const [layer, readMs] = await timed(() => readAreas('plainfield-nj-block-groups.geojson', text));
const choice = chooseAreaColumns(layer, {});
cellOf({ lat: 40.62, lng: -74.42, res: 8 }); // h3's start-up, outside the timings
const perRes: Record<string, { cells: number; fineRes: number; ms: number }> = {};
for (const [res, k] of [
  [8, 8],
  [9, 20],
  [10, 50],
] as const) {
  const cells = diskOf({ cell: cellOf({ lat: 40.62, lng: -74.42, res }), k })
    .flat()
    .sort();
  const [out, ms] = await timed(() => apportionAreas(layer, cells, res, choice));
  perRes[`res${res}`] = { cells: cells.length, fineRes: out.apportioning.fineRes, ms: Math.round(ms) };
}
emit({ name: 'Plainfield block groups apportioned at res 8, 9, 10', readMs, ...perRes, totalMs: perRes.res9.ms, targetMs: 2000 });
