import { describe, expect, it } from 'vitest';
import { emptyDropCounts, type Incidents } from './incidents';
import { summariseIncidents } from './summarise-incidents';

function incidents(rows: [number, number, number, number][], categories: string[], clock: 'wall' | 'instant' = 'wall'): Incidents {
  return {
    length: rows.length,
    time: Float64Array.from(rows, (r) => r[0]),
    lat: Float64Array.from(rows, (r) => r[1]),
    lng: Float64Array.from(rows, (r) => r[2]),
    category: Int32Array.from(rows, (r) => r[3]),
    categories,
    clock,
    timeZone: null,
    report: { files: [], read: rows.length, kept: rows.length, dropped: emptyDropCounts(), examples: [], warnings: [] },
  };
}

describe('summariseIncidents', () => {
  it('summariseIncidents gives the time range on the data clock, categories by count then name, and the extent', () => {
    const summary = summariseIncidents(
      incidents(
        [
          [Date.UTC(2018, 0, 2), 41.9, -87.6, 1],
          [Date.UTC(2018, 0, 1, 6), 41.7, -87.8, 0],
          [Date.UTC(2018, 0, 3), 42.0, -87.5, 2],
          [Date.UTC(2018, 0, 1, 7), 41.8, -87.7, 1],
          [Date.UTC(2018, 0, 1, 8), 41.8, -87.7, -1],
        ],
        ['ARSON', 'THEFT', 'BATTERY'],
      ),
    );
    expect(summary).toEqual({
      rows: 5,
      clock: 'wall',
      timeZone: null,
      time: {
        first: Date.UTC(2018, 0, 1, 6),
        last: Date.UTC(2018, 0, 3),
        firstText: '2018-01-01T06:00:00.000',
        lastText: '2018-01-03T00:00:00.000',
      },
      categories: [
        { name: 'THEFT', count: 2 },
        { name: 'ARSON', count: 1 },
        { name: 'BATTERY', count: 1 },
      ],
      uncategorised: 1,
      extent: { south: 41.7, west: -87.8, north: 42.0, east: -87.5 },
    });
  });

  it('summariseIncidents marks instants with Z', () => {
    expect(summariseIncidents(incidents([[0, 1, 2, -1]], [], 'instant')).time?.firstText).toBe('1970-01-01T00:00:00.000Z');
  });

  it('summariseIncidents of no rows has no time range or extent', () => {
    const summary = summariseIncidents(incidents([], ['THEFT']));
    expect(summary.time).toBeNull();
    expect(summary.extent).toBeNull();
    expect(summary.categories).toEqual([{ name: 'THEFT', count: 0 }]);
  });
});
