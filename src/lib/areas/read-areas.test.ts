import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseAreaColumns } from './choose-area-columns';
import { parseAmount } from './parse-amount';
import { readAreas } from './read-areas';
import { ringSelfIntersection } from './ring-self-intersection';

const square = [
  [0, 0],
  [0.01, 0],
  [0.01, 0.01],
  [0, 0.01],
  [0, 0],
]; // counter-clockwise, closed
const feature = (id: string, geometry: object | null, properties: object = { pop: '10' }): object => ({ type: 'Feature', id, properties, geometry });
const collection = (...features: object[]): string => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseAmount', () => {
  it.each([
    [692, { kind: 'number', value: 692 }],
    ['692', { kind: 'number', value: 692 }],
    [' 12.5 ', { kind: 'number', value: 12.5 }],
    ['1,234', { kind: 'number', value: 1234 }],
    ['1e3', { kind: 'number', value: 1000 }],
    [null, { kind: 'missing' }],
    ['', { kind: 'missing' }],
    [undefined, { kind: 'missing' }],
    ['n/a', { kind: 'not-a-number', text: 'n/a' }],
    [true, { kind: 'not-a-number', text: 'true' }],
    ['-5', { kind: 'negative', value: -5 }],
    [-0.5, { kind: 'negative', value: -0.5 }],
  ])('parseAmount(%j) → %j', (raw, expected) => expect(parseAmount(raw)).toEqual(expected));
});

describe('ringSelfIntersection', () => {
  it('finds the crossing of a bow-tie, a spike folding back, and nothing in a simple ring', () => {
    expect(
      ringSelfIntersection([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toEqual([0.5, 0.5]);
    expect(
      ringSelfIntersection([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).not.toBeNull();
    expect(ringSelfIntersection(square)).toBeNull();
  });
});

describe('readAreas', () => {
  it('reads Plainfield: 35 block groups, digit strings parsed, codes kept out, nothing unparsed', () => {
    const text = readFileSync(new URL('../../../../shared/data/plainfield-nj-block-groups.geojson', import.meta.url), 'utf8');
    const layer = readAreas('plainfield-nj-block-groups.geojson', text);
    expect(layer.read).toBe(35);
    expect(layer.features).toHaveLength(35);
    expect(layer.dropped).toEqual([]);
    expect(layer.columns).toEqual([
      'pred_count',
      'asian_lb',
      'black_lb',
      'white_lb',
      'total_income_lb',
      'total_race_lb',
      'lt_45k_lb',
      'bw_75_100l_lb',
      'gt_200k_lb',
      'aland',
    ]);
    const kinds = Object.fromEntries(layer.accounts.map((a) => [a.name, a.kind]));
    expect(kinds).toMatchObject({
      department: 'text',
      geoid: 'identifier',
      pred_pop_rank: 'identifier',
      tract: 'identifier',
      block_group: 'identifier',
      affgeoid: 'text',
    });
    for (const account of layer.accounts.filter((a) => a.kind === 'numeric'))
      expect([account.name, account.parsed, account.unparsed]).toEqual([account.name, 35, []]);
    // The first feature (geoid 340390397004) has black_lb "692" and total_race_lb "1422".
    const first = layer.features[0];
    expect(first.id).toBe('340390397004');
    expect(first.values[layer.columns.indexOf('black_lb')]).toBe(692);
    expect(first.values[layer.columns.indexOf('total_race_lb')]).toBe(1422);
    const choice = chooseAreaColumns(layer, {});
    expect(choice).toMatchObject({ groups: ['asian_lb', 'black_lb', 'white_lb'], total: 'total_race_lb' });
    expect(choice.others).toEqual(['pred_count', 'total_income_lb', 'lt_45k_lb', 'bw_75_100l_lb', 'gt_200k_lb', 'aland']);
  });

  it('repairs winding and unclosed rings, counting each, and drops non-polygons and self-crossing rings with their ids', () => {
    const clockwise = [...square].reverse();
    const unclosed = square.slice(0, 4);
    const bowTie = [
      [0, 0],
      [0.01, 0.01],
      [0.01, 0],
      [0, 0.01],
      [0, 0],
    ];
    const layer = readAreas(
      'faults.geojson',
      collection(
        feature('ok', { type: 'Polygon', coordinates: [square] }),
        feature('cw', { type: 'Polygon', coordinates: [clockwise] }),
        feature('open', { type: 'MultiPolygon', coordinates: [[unclosed]] }),
        feature('point', { type: 'Point', coordinates: [0, 0] }),
        feature('none', null),
        feature('bowtie', { type: 'Polygon', coordinates: [bowTie] }),
        feature('far', {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [200, 0],
              [0, 1],
              [0, 0],
            ],
          ],
        }),
      ),
    );
    expect(layer.read).toBe(7);
    expect(layer.features.map((f) => f.id)).toEqual(['ok', 'cw', 'open']);
    expect(layer.repairs).toEqual({ closed: 1, rewound: 1, repeats: 0 });
    expect(layer.features[1].polygons[0][0]).toEqual(square); // rewound to counter-clockwise
    expect(layer.features[2].polygons[0][0]).toEqual(square); // closed
    expect(layer.dropped).toEqual([
      { feature: 'point', reason: 'not-polygon', detail: 'Point' },
      { feature: 'none', reason: 'not-polygon', detail: 'no geometry' },
      { feature: 'bowtie', reason: 'refused', detail: 'polygon 0 ring 0 crosses itself near (0.005000, 0.005000)' },
      { feature: 'far', reason: 'refused', detail: 'polygon 0 ring 0 position 1 is [200,0], not [lng, lat] in degrees' },
    ]);
  });

  it('lists every value it could not use, by feature and column, and counts it as 0', () => {
    const layer = readAreas(
      'values.geojson',
      collection(
        feature('a', { type: 'Polygon', coordinates: [square] }, { pop: '10', name: 'A' }),
        feature('b', { type: 'Polygon', coordinates: [square] }, { pop: null, name: 'B' }),
        feature('c', { type: 'Polygon', coordinates: [square] }, { pop: 'x', name: 'C' }),
        feature('d', { type: 'Polygon', coordinates: [square] }, { pop: -3, name: 'D' }),
        feature('e', { type: 'Polygon', coordinates: [square] }, { pop: '7', name: 'E' }),
      ),
    );
    const pop = layer.accounts.find((a) => a.name === 'pop')!;
    expect(pop).toEqual({
      name: 'pop',
      kind: 'numeric',
      parsed: 2,
      sum: 17,
      unparsed: [
        { feature: 'b', reason: 'missing', value: null },
        { feature: 'c', reason: 'not-a-number', value: 'x' },
        { feature: 'd', reason: 'negative', value: -3 },
      ],
    });
    expect(layer.accounts.find((a) => a.name === 'name')?.kind).toBe('text');
    expect(Array.from(layer.features, (f) => f.values[0])).toEqual([10, 0, 0, 0, 7]);
  });

  it.each([
    ['not json', 'areas-invalid', /'bad\.geojson' is not valid JSON/],
    ['{"type":"Polygon","coordinates":[]}', 'areas-invalid', /is a GeoJSON Polygon; expected a FeatureCollection/],
    [collection(feature('p', { type: 'Point', coordinates: [0, 0] })), 'areas-no-polygons', /all 1 features were dropped \(first: p, Point\)/],
    [collection(feature('t', { type: 'Polygon', coordinates: [square] }, { name: 'x' })), 'areas-no-attributes', /no numeric property.*name \(text\)/],
  ])('refuses an unusable file %#, naming it', (text, code, message) => {
    expect(() => readAreas('bad.geojson', text)).toThrow(expect.objectContaining({ code, file: 'bad.geojson', message: expect.stringMatching(message) }));
  });

  it('refuses a group or total column that is not numeric, naming the column', () => {
    const layer = readAreas('v.geojson', collection(feature('a', { type: 'Polygon', coordinates: [square] }, { pop: '1', white: '1', name: 'A' })));
    expect(() => chooseAreaColumns(layer, { groups: ['name'] })).toThrow(
      expect.objectContaining({
        code: 'areas-column',
        column: 'name',
        message: expect.stringMatching(/group column 'name' is a text column there; numeric columns: pop, white/),
      }),
    );
    expect(() => chooseAreaColumns(layer, { groups: ['white'], total: 'nope' })).toThrow(/total column 'nope' is not a property there/);
    expect(chooseAreaColumns(layer, { groups: ['white'] })).toMatchObject({ groups: ['white'], total: null, others: ['pop'] });
  });

  it('leaves percentages, margins of error and averages out of the default groups, finds census total columns, and counts areas where the groups overlap', () => {
    const props = (black: number, hispanic: number, total: number): object => ({
      black_pct: '40',
      pct_white: '30',
      black_moe: '12',
      B02001_003M: '9',
      median_income_white: '50000',
      black,
      hispanic,
      B02001_001E: total,
    });
    const layer = readAreas(
      'acs.geojson',
      collection(
        feature('a', { type: 'Polygon', coordinates: [square] }, props(10, 5, 100)), // 15 ≤ 100
        feature('b', { type: 'Polygon', coordinates: [square] }, props(60, 50, 100)), // 110 > 101: overlap, 1.10×
        feature('c', { type: 'Polygon', coordinates: [square] }, props(30, 1, 30.5)), // 31 − 30.5 ≤ 1 person: rounding
        feature('d', { type: 'Polygon', coordinates: [square] }, props(8, 4, 10)), // 12 > 10.1 and by 2: overlap, 1.20×
      ),
    );
    const choice = chooseAreaColumns(layer, {});
    expect(choice.groups).toEqual(['black', 'hispanic']);
    expect(choice.total).toBe('B02001_001E');
    expect(choice.overlap).toEqual({ features: 2, worst: { feature: 'd', ratio: 1.2 } });
    expect(choice.rule).toMatch(/In 2 of 4 areas the groups count more people than B02001_001E \(up to 1\.20× in d\)/);
    expect(chooseAreaColumns(layer, { groups: ['black'], total: 'B02001_001E' }).overlap).toBeNull();
  });
});
