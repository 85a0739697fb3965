import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArrow } from '../lib/io/read-arrow';
import { mappingFromFlags } from './mapping-flags';

const chicago = readArrow(
  new Uint8Array(readFileSync(new URL('../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url))),
  'chicago-crimes-2014-2018.arrow',
);

describe('mappingFromFlags', () => {
  it('mappingFromFlags with every column named (no detection) gives the mapping detection gives for Chicago, zone from the metadata included', () => {
    const named = mappingFromFlags([chicago], { time: 'occurred_at', lat: 'latitude', lng: 'longitude', 'category-column': 'primary_type' });
    const detected = mappingFromFlags([chicago], {});
    expect(named).toEqual(detected);
    expect(named).toEqual({
      time: { column: 'occurred_at', encoding: 'auto', timeZone: 'America/Chicago' },
      location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
      category: 'primary_type',
    });
  });
});
