import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { landNear, type Topology } from './land-near';

// Two unit squares side by side sharing arc 1; quantized with scale 1, translate (10, 20).
// Arc 0: (0,0)→(0,1)→(1,1); arc 1: (1,1)→(1,0); arc 2: (1,0)→(0,0); arc 3: (1,1)→(2,1)→(2,0)→(1,0).
const squares: Topology = {
  type: 'Topology',
  transform: { scale: [1, 1], translate: [10, 20] },
  arcs: [
    [
      [0, 0],
      [0, 1],
      [1, 0],
    ],
    [
      [1, 1],
      [0, -1],
    ],
    [
      [1, 0],
      [-1, 0],
    ],
    [
      [1, 1],
      [1, 0],
      [0, -1],
      [-1, 0],
    ],
  ],
  objects: {
    land: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1, 2]] },
        { type: 'Polygon', arcs: [[3, ~1]] },
      ],
    },
  },
};

describe('landNear', () => {
  it('landNear(squares, box over the west square) decodes its delta-encoded arcs into one closed ring', () => {
    expect(
      landNear(squares, [
        [10.2, 20.2],
        [10.4, 20.4],
      ]).coordinates,
    ).toEqual([
      [
        [
          [10, 20],
          [10, 21],
          [11, 21],
          [11, 20],
          [10, 20],
        ],
      ],
    ]);
  });

  it('landNear(squares, box over the east square) reverses a shared arc given as ~1', () => {
    expect(
      landNear(squares, [
        [11.5, 20.5],
        [11.6, 20.6],
      ]).coordinates[0][0],
    ).toEqual([
      [11, 21],
      [12, 21],
      [12, 20],
      [11, 20],
      [11, 21],
    ]);
  });

  it('landNear(squares, a box at sea) picks nothing, and an unknown object name is refused', () => {
    expect(
      landNear(squares, [
        [50, 50],
        [51, 51],
      ]).coordinates,
    ).toEqual([]);
    expect(() =>
      landNear(
        squares,
        [
          [0, 0],
          [1, 1],
        ],
        'countries',
      ),
    ).toThrow(/no object 'countries' \(it has land\)/);
  });

  it("landNear(Natural Earth 1:10m, Portland's box) picks North America and Eurasia (whose ring crosses the antimeridian), no other of its 4,000+ polygons", () => {
    const world = JSON.parse(readFileSync('node_modules/world-atlas/land-10m.json', 'utf8')) as Topology;
    const land = landNear(world, [
      [-122.84, 45.43],
      [-122.47, 45.65],
    ]);
    expect(land.coordinates).toHaveLength(2);
    const ring = land.coordinates.map((p) => p[0]).find((r) => r.some(([x, y]) => x > -124 && x < -123.5 && y > 45 && y < 46))!;
    const lons = ring.map((p) => p[0]);
    // North America's outer ring spans the Aleutians to Labrador.
    expect(Math.min(...lons)).toBeLessThan(-160);
    expect(Math.max(...lons)).toBeGreaterThan(-60);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });
});
