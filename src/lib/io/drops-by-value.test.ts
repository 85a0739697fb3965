import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dropsByValue, lostValueWarning, MAX_VALUES_SHOWN } from './drops-by-value';
import { DROP_CODE } from './drop-codes';
import { loadIncidents } from './load-incidents';
import { readArrow } from './read-arrow';
import { vancouverFileBytes } from '../../../test/fixtures/vancouver-file';
import { dictionary, floats, sourceOf, strings } from '../../../test/fixtures/io/arrow-fixtures';
import { Table } from 'apache-arrow';
import type { ColumnMapping } from './column-mapping';

const Z = DROP_CODE['location-zero'];
const F = DROP_CODE['category-filtered'];

describe('dropsByValue', () => {
  it('counts read, kept and dropped by reason per value, most dropped first, and names a value that lost every row', () => {
    // HOMICIDE: 2 rows, both at 0/0; THEFT: 3 rows, 1 at 0/0; ARSON: 1 row filtered out by the user; one row without a value, kept.
    const out = dropsByValue('category', 'type', ['HOMICIDE', 'THEFT', 'ARSON'], Int32Array.of(0, 0, 1, 1, 1, 2, -1), Uint8Array.of(Z, Z, Z, 0, 0, F, 0));
    expect(out).toEqual({
      role: 'category',
      column: 'type',
      values: [
        { value: 'HOMICIDE', read: 2, kept: 0, dropped: { 'location-zero': 2 } },
        { value: 'ARSON', read: 1, kept: 0, dropped: { 'category-filtered': 1 } },
        { value: 'THEFT', read: 3, kept: 2, dropped: { 'location-zero': 1 } },
      ],
      more: 0,
      lost: ['HOMICIDE'],
    });
  });

  it('does not call a category the user filtered out lost, though its rows were dropped first for another reason; a place is', () => {
    // ARSON: filtered out by the user, 2 of its rows without a location (dropped before the filter); GAMBLING: filtered out, its only row without a location; THEFT kept.
    const N = DROP_CODE['location-null'];
    const rows = Int32Array.of(0, 0, 0, 2, 1);
    const reasons = Uint8Array.of(F, N, N, N, 0);
    const excluded = new Set(['ARSON', 'GAMBLING']);
    expect(dropsByValue('category', 'type', ['ARSON', 'THEFT', 'GAMBLING'], rows, reasons, excluded).lost).toEqual([]);
    expect(dropsByValue('category', 'type', ['ARSON', 'THEFT', 'GAMBLING'], rows, reasons).lost).toEqual(['ARSON', 'GAMBLING']); // no filter: lost
    // A place whose rows were all lost, some to the filter and some not, is named: not all of it went by choice.
    expect(dropsByValue('place', 'beat', ['B1', 'B2', 'B3'], rows, reasons).lost).toEqual(['B1', 'B3']);
  });

  it('loadIncidents: a place whose rows are all of categories the filter leaves out is not lost; one with a kept category’s row is', () => {
    const kinds = ['THEFT', 'THEFT', 'THEFT', 'ARSON', 'ARSON', 'GAMBLING', 'THEFT'];
    const lat = [41.9, 41.91, 41.92, null, 41.9, null, null];
    const beats = ['B1', 'B1', 'B1', 'B2', 'B2', 'B3', 'B4'];
    const table = new Table({
      when: strings(kinds.map(() => '2018-01-01')),
      lat: floats(lat),
      lng: floats(kinds.map(() => -87.6)),
      kind: dictionary(kinds),
      beat: dictionary(beats),
    });
    const mapping: ColumnMapping = {
      time: { column: 'when' },
      location: { kind: 'latlng', lat: 'lat', lng: 'lng' },
      category: 'kind',
      place: 'beat',
      categories: ['THEFT'],
    };
    const incidents = loadIncidents([sourceOf(table)], mapping);
    const [byCategory, byPlace] = incidents.report.breakdown ?? [];
    expect(byCategory.lost).toEqual([]); // ARSON and GAMBLING: left out by the user
    expect(byPlace.lost).toEqual(['B4']); // B2, B3: only left-out categories; B4: a THEFT row without a location
  });

  it('loadIncidents: a category its filter leaves out is not lost though its only row has no location', () => {
    const source = readArrow(readFileSync('../shared/data/plainfield-nj-crime-reports-2018.arrow'), 'plainfield.arrow');
    const mapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng' as const, lat: 'latitude', lng: 'longitude' }, category: 'description' };
    const all = loadIncidents([source], mapping);
    const [first] = all.categories;
    const filtered = loadIncidents([source], { ...mapping, categories: [first] });
    expect(filtered.report.warnings.filter((w) => w.includes('lost all'))).toEqual([]);
    expect(filtered.report.breakdown?.[0].lost).toEqual([]);
  });

  it('merges a value repeated in the provisional dictionary (one entry per file), and lists at most 20 values plus the lost ones', () => {
    const merged = dropsByValue('place', 'beat', ['A', 'A'], Int32Array.of(0, 1), Uint8Array.of(Z, 0));
    expect(merged.values).toEqual([{ value: 'A', read: 2, kept: 1, dropped: { 'location-zero': 1 } }]);
    // 30 values: value k has k + 2 rows, one of them dropped; value 'v00' loses both its rows.
    const names = Array.from({ length: 30 }, (_, k) => `v${String(k).padStart(2, '0')}`);
    const codes: number[] = [];
    const reasons: number[] = [];
    names.forEach((_, k) => {
      for (let r = 0; r < k + 2; r++) {
        codes.push(k);
        reasons.push(r === 0 || k === 0 ? Z : 0);
      }
    });
    const many = dropsByValue('place', 'beat', names, Int32Array.from(codes), Uint8Array.from(reasons));
    expect(many.values).toHaveLength(MAX_VALUES_SHOWN);
    expect(many.values[0].value).toBe('v00');
    expect(many.more).toBe(10);
    expect(many.lost).toEqual(['v00']);
  });

  it('words the warning with counts and reasons', () => {
    expect(lostValueWarning('category', { value: 'HOMICIDE', read: 40, kept: 0, dropped: { 'location-zero': 40 } })).toBe(
      'category \'HOMICIDE\' lost all 40 of its rows: 40 location-zero (both coordinates are 0 (an "unknown location" sentinel), before or after projection); it is in no count, map or model',
    );
  });
});

describe('loadIncidents breaks drops down by category and place', () => {
  it('names the two privacy-masked categories of the Vancouver fixture (40 and 90 rows at 0/0) in the warnings (most rows first) and the breakdown', () => {
    const source = readArrow(vancouverFileBytes(), 'vancouver.arrow');
    const incidents = loadIncidents([source], {
      time: { column: 'occurred_at' },
      location: { kind: 'xy', x: 'x', y: 'y', crs: '+proj=utm +zone=10 +datum=WGS84 +units=m +no_defs' },
      category: 'type',
      place: 'neighbourhood',
    });
    expect(incidents.report).toMatchObject({ read: 2_530, kept: 2_400 });
    expect(incidents.categories).toEqual(['MISCHIEF', 'THEFT']);
    const [byCategory, byPlace] = incidents.report.breakdown ?? [];
    expect(byCategory.lost).toEqual(['HOMICIDE', 'SEXUAL OFFENCE']);
    expect(byCategory.values).toEqual([
      { value: 'SEXUAL OFFENCE', read: 90, kept: 0, dropped: { 'location-zero': 90 } },
      { value: 'HOMICIDE', read: 40, kept: 0, dropped: { 'location-zero': 40 } },
    ]);
    // 130 masked rows, alternating neighbourhoods: 20 + 45 Strathcona, 20 + 45 West End.
    expect(byPlace).toMatchObject({ role: 'place', column: 'neighbourhood', lost: [] });
    expect(byPlace.values.map((v) => [v.value, v.read, v.kept])).toEqual([
      ['Strathcona', 1_265, 1_200],
      ['West End', 1_265, 1_200],
    ]);
    expect(incidents.report.warnings.filter((w) => w.includes('lost all'))).toEqual([
      'category \'SEXUAL OFFENCE\' lost all 90 of its rows: 90 location-zero (both coordinates are 0 (an "unknown location" sentinel), before or after projection); it is in no count, map or model',
      'category \'HOMICIDE\' lost all 40 of its rows: 40 location-zero (both coordinates are 0 (an "unknown location" sentinel), before or after projection); it is in no count, map or model',
    ]);
    expect(incidents.places).toEqual(['Strathcona', 'West End']);
  });

  it('on the Plainfield reports: no category loses every row, and description is the detected category', () => {
    const source = readArrow(readFileSync('../shared/data/plainfield-nj-crime-reports-2018.arrow'), 'plainfield.arrow');
    const incidents = loadIncidents([source], {
      time: { column: 'occurred_at' },
      location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
      category: 'description',
      place: 'address',
    });
    const [byCategory] = incidents.report.breakdown ?? [];
    expect(byCategory.lost).toEqual([]);
    const dropped = byCategory.values.reduce((sum, v) => sum + v.read - v.kept, 0);
    expect(dropped).toBe(70);
  });
});
