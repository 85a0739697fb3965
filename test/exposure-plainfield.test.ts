/**
 * Who gets flagged in Plainfield, NJ (2018 crime reports, The Markup's 35 block groups), end to
 * end through the pipeline. The area attributes are built here by a simple rule, because the
 * area reader is built separately: each panel cell takes the block group containing its centre
 * (ray casting), and a block group's population is divided equally among the panel cells whose
 * centres it contains (block groups that contain no panel cell centre drop out).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AreaAttributes } from '../src/lib/areas/area-attributes';
import { protocolOf } from '../src/lib/evaluate/protocol';
import { centreOf } from '../src/lib/grid/h3';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { openFiles } from '../src/lib/pipeline/load';
import { preparePanel } from '../src/lib/pipeline/prepare-panel';
import { applyBoundary } from '../src/lib/pipeline/region';
import { resolveModels, runBacktest } from '../src/lib/pipeline/run';

const LISTED = ['black_lb', 'white_lb', 'asian_lb'];
/** The listed race columns and everyone else in `total_race_lb` (most of Plainfield's population is in none of the three). */
const GROUPS = [...LISTED, 'other (total_race_lb − listed)'];
interface BlockGroup {
  readonly properties: Record<string, string>;
  readonly geometry: { readonly coordinates: number[][][] };
}
const blockGroups = (JSON.parse(readFileSync('../shared/data/plainfield-nj-block-groups.geojson', 'utf8')) as { features: BlockGroup[] }).features;

/** Ray casting on the outer ring (lng, lat) with holes subtracted. */
function contains(polygon: number[][][], lng: number, lat: number): boolean {
  const inRing = (ring: number[][]): boolean => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  return inRing(polygon[0]) && !polygon.slice(1).some(inRing);
}

function plainfieldAreas(cells: readonly string[]): { areas: AreaAttributes; owner: number[] } {
  const owner = cells.map((cell) => {
    const { lat, lng } = centreOf(cell);
    return blockGroups.findIndex((f) => contains(f.geometry.coordinates, lng, lat));
  });
  const share = blockGroups.map((_, b) => owner.filter((o) => o === b).length);
  const population = (b: number, name: string): number =>
    name.startsWith('other')
      ? Number(blockGroups[b].properties.total_race_lb) - LISTED.reduce((sum, l) => sum + Number(blockGroups[b].properties[l]), 0)
      : Number(blockGroups[b].properties[name]);
  const column = (name: string): Float64Array => Float64Array.from(owner, (b) => (b < 0 ? 0 : population(b, name) / share[b]));
  return {
    owner,
    areas: {
      source: 'plainfield-nj-block-groups.geojson',
      cells,
      groups: GROUPS.map((name) => ({ name, values: column(name) })),
      total: { name: 'total_race_lb', values: column('total_race_lb') },
      others: [],
      covered: Float64Array.from(owner, (b) => (b < 0 ? 0 : 1)),
      method: 'Test rule: each cell takes the block group containing its centre; a block group’s population is split equally among its cells.',
    },
  };
}

describe('exposure on Plainfield', () => {
  it('runs through the pipeline: population as the block groups give it, shares summing to 1, random selection exactly in proportion', async () => {
    const name = 'plainfield-nj-crime-reports-2018.arrow';
    const bytes = new Uint8Array(readFileSync(`../shared/data/${name}`));
    const { sources, sha256 } = await openFiles([{ name, bytes }]);
    const prepared = preparePanel(sources, sha256, { mapping: detectMapping(sources).mapping!, bin: { res: 9, unit: 'week' } });
    const { areas, owner } = plainfieldAreas(prepared.panel.cells);
    const outcome = await runBacktest(
      prepared.binned,
      applyBoundary(prepared.panel, undefined),
      {
        models: await resolveModels(['naive', 'historic-average', 'kde']),
        protocol: protocolOf({ horizon: 1, folds: 20, coverage: [0.05, 0.1] }),
        environment: { hexcast: 'test', runtime: 'node', libraries: {} },
        timings: {},
        areas,
      },
      {},
    );
    const { report } = outcome;
    const exposure = report.exposure!;
    // Independently: each region cell's block group, its population split over the block group's panel cells.
    const expected = GROUPS.map(() => 0);
    outcome.region.mask.forEach((inRegion, c) => {
      if (!inRegion || owner[c] < 0) return;
      const props = blockGroups[owner[c]].properties;
      const cellsOfGroup = owner.filter((o) => o === owner[c]).length;
      const listed = LISTED.map((l) => Number(props[l]));
      [...listed, Number(props.total_race_lb) - listed.reduce((a, b) => a + b, 0)].forEach((v, g) => (expected[g] += v / cellsOfGroup));
    });
    exposure.population.forEach((p, g) => expect(p).toBeCloseTo(expected[g], 6));
    expect(exposure.groupsOfTotal).toBeCloseTo(1, 12);
    expect(exposure.groups).toEqual(GROUPS);
    expect(owner.filter((o) => o < 0).length).toBe(exposure.uncoveredCells + owner.filter((o, c) => o < 0 && !outcome.region.mask[c]).length);
    // 165 panel cells at resolution 9, 157 in the default study region, 21 of those outside every block group.
    expect([prepared.panel.cells.length, exposure.regionCells, exposure.uncoveredCells]).toEqual([165, 157, 21]);
    expect(exposure.populationShare.map((x) => +x.toFixed(3))).toEqual([0.343, 0.043, 0, 0.614]);
    expect(exposure.incidentShare.map((x) => +x.mean.toFixed(3))).toEqual([0.285, 0.026, 0, 0.688]);
    // At 5 % of the area, the share of flags over the population share of the 'other' group (mostly Hispanic residents):
    // 1.30 for the hindsight oracle (what the recorded incidents imply), 1.39 for the historic average, 1.44 for the KDE.
    const other = (name: string): number => +exposure.selections.find((s) => s.name.startsWith(name))!.coverage['0.05'].ratio[3].mean.toFixed(2);
    expect(['hindsight oracle', 'historic-average', 'kde', 'naive'].map(other)).toEqual([1.3, 1.39, 1.44, 1.32]);
    for (const selection of exposure.selections) {
      for (const key of ['0.05', '0.1']) {
        const shares = selection.coverage[key].share.map((s) => s.mean);
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }
    }
    // Random selection flags every group exactly in proportion (groups with no one in the region have no ratio).
    exposure.selections
      .at(-1)!
      .coverage['0.05'].ratio.forEach((r, g) => (exposure.population[g] > 0 ? expect(r.mean).toBeCloseTo(1, 12) : expect(r.n).toBe(0)));
  });
});
