import { describe, expect, it } from 'vitest';
import { midnightOnClock } from './fit-command';

describe('midnightOnClock (--until)', () => {
  it('is local midnight in the zone for instant data and the reading itself for wall-clock data', () => {
    const wall = Date.UTC(2018, 0, 1);
    expect(midnightOnClock(wall, { clock: 'instant', timeZone: 'America/Chicago' })).toBe(Date.UTC(2018, 0, 1, 6)); // CST is UTC−6
    expect(midnightOnClock(Date.UTC(2018, 6, 1), { clock: 'instant', timeZone: 'America/Chicago' })).toBe(Date.UTC(2018, 6, 1, 5)); // CDT
    expect(midnightOnClock(wall, { clock: 'wall', timeZone: 'America/Chicago' })).toBe(wall);
    expect(midnightOnClock(wall, { clock: 'instant', timeZone: 'UTC' })).toBe(wall);
  });
});
