import { describe, expect, it, vi } from 'vitest';
import { assertTimeZone, instantToWall, isTimeZone, wallToInstant, zoneOffset } from './time-zone';

const H = 3_600_000;

describe('zoneOffset', () => {
  it.each([
    ['America/Chicago', Date.UTC(2018, 0, 15), -6 * H],
    ['America/Chicago', Date.UTC(2018, 6, 15), -5 * H],
    ['Australia/Adelaide', Date.UTC(2018, 0, 15), 10.5 * H],
    ['Australia/Adelaide', Date.UTC(2018, 6, 15), 9.5 * H],
    ['Asia/Kathmandu', Date.UTC(2018, 0, 15), 5.75 * H],
    ['UTC', Date.UTC(2018, 0, 15), 0],
  ])('zoneOffset(%s, %d) is %d ms', (zone, t, expected) => {
    expect(zoneOffset(zone, t)).toBe(expected);
  });

  it('ignores sub-second parts of the instant', () => {
    expect(zoneOffset('America/Chicago', Date.UTC(2018, 0, 15, 0, 0, 0, 999))).toBe(-6 * H);
  });
});

describe('wallToInstant', () => {
  it('maps an ordinary wall time to the instant that shows it', () => {
    // 2018-07-01 12:00 CDT (UTC−5) is 17:00 UTC.
    expect(wallToInstant('America/Chicago', Date.UTC(2018, 6, 1, 12))).toBe(Date.UTC(2018, 6, 1, 17));
  });

  it('maps a wall time inside the spring-forward gap to the transition (2018-03-11 02:30 CST → 08:00 UTC)', () => {
    // Clocks jump from 02:00 CST (08:00 UTC) to 03:00 CDT; 02:30 never happens.
    expect(wallToInstant('America/Chicago', Date.UTC(2018, 2, 11, 2, 30))).toBe(Date.UTC(2018, 2, 11, 8));
  });

  it('maps a wall time in the fall-back overlap to its first occurrence (01:30 CDT = 06:30 UTC)', () => {
    expect(wallToInstant('America/Chicago', Date.UTC(2018, 10, 4, 1, 30))).toBe(Date.UTC(2018, 10, 4, 6, 30));
  });

  it('round-trips with instantToWall away from transitions', () => {
    const t = Date.UTC(2017, 3, 5, 13, 7, 11);
    expect(wallToInstant('Australia/Adelaide', instantToWall('Australia/Adelaide', t))).toBe(t);
  });
});

describe('assertTimeZone', () => {
  it('accepts IANA names and rejects others with an example of a valid one', () => {
    expect(assertTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() => assertTimeZone('Mars/Olympus')).toThrow("Unknown time zone 'Mars/Olympus': expected an IANA name such as 'America/Chicago' or 'UTC'");
    expect(() => assertTimeZone('Adelaide')).toThrow(
      "Unknown time zone 'Adelaide' (did you mean Australia/Adelaide?): expected an IANA name such as 'America/Chicago' or 'UTC'",
    );
  });
});

describe('isTimeZone', () => {
  it('answers an invalid name without building a suggestion (no zone list read), which only assertTimeZone words', () => {
    const list = vi.spyOn(Intl, 'supportedValuesOf');
    try {
      expect(isTimeZone('Adelaide')).toBe(false);
      expect(isTimeZone('Nowhere/Town')).toBe(false);
      expect(list).not.toHaveBeenCalled();
      expect(() => assertTimeZone('Adelaide')).toThrow('(did you mean Australia/Adelaide?)');
      expect(() => assertTimeZone('Chicgo')).toThrow('(did you mean America/Chicago?)');
      expect(list.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      list.mockRestore();
    }
  });
});
