import { describe, expect, it } from 'vitest';
import type { Report } from './report';
import { clockLabel, reportZoneDeclared } from './clock-label';

describe('clockLabel', () => {
  it.each([
    ['wall', 'UTC', false, 'local wall-clock time, zone not declared'],
    ['wall', 'America/Chicago', true, 'local wall-clock time, America/Chicago'],
    ['wall', 'UTC', true, 'local wall-clock time, UTC'],
    ['instant', 'UTC', true, 'instants, calendar of UTC'],
    ['instant', 'Asia/Tokyo', false, 'instants, calendar of Asia/Tokyo'],
  ] as const)('clockLabel(%s, %s, %s) is %j', (clock, zone, declared, text) => {
    expect(clockLabel(clock, zone, declared)).toBe(text);
  });
});

describe('reportZoneDeclared', () => {
  const report = (clock: 'wall' | 'instant', timeZone: string, mapping?: unknown) =>
    ({ panel: { clock, timeZone }, data: { mapping } }) as unknown as Pick<Report, 'panel' | 'data'>;
  it.each([
    ['wall-clock UTC without a mapped zone (Portland dates)', report('wall', 'UTC', { time: { column: 'occ_date' } }), false],
    ['wall-clock UTC from a panel file (no mapping)', report('wall', 'UTC'), false],
    ['wall-clock UTC that the mapping declared', report('wall', 'UTC', { time: { column: 't', timeZone: 'UTC' } }), true],
    ['wall-clock in a named zone (Chicago)', report('wall', 'America/Chicago', { time: { column: 't' } }), true],
    ['instants in UTC', report('instant', 'UTC'), true],
  ])('reportZoneDeclared(%s) is %s', (_, input, declared) => {
    expect(reportZoneDeclared(input)).toBe(declared);
  });
});
