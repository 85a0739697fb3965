import { describe, expect, it } from 'vitest';
import { closestTimeZones, didYouMeanZone } from './closest-time-zones';

describe('closestTimeZones (the runtime zone list)', () => {
  it.each([
    ['Adelaide', ['Australia/Adelaide']],
    ['adelaide', ['Australia/Adelaide']],
    ['new york', ['America/New_York']],
    ['America/Chicgo', ['America/Chicago']],
    ['Europe/Pari', ['Europe/Paris']],
    ['Chicago', ['America/Chicago']],
  ])('%j → %j', (text, zones) => {
    expect(closestTimeZones(text)).toEqual(zones);
  });

  it('offers nothing for text far from every zone', () => {
    expect(closestTimeZones('Mars/Olympus')).toEqual([]);
    expect(closestTimeZones('  ')).toEqual([]);
  });

  it('lists several when several are as close, best first, at most the limit', () => {
    expect(closestTimeZones('Europe/Lonon', ['Europe/London', 'Europe/Lisbon', 'Asia/Tokyo'])).toEqual(['Europe/London']);
    expect(closestTimeZones('Port', ['America/Port_of_Spain', 'Europe/Paris', 'X/Porto', 'Y/Port'], 2)).toEqual(['Y/Port', 'X/Porto']);
  });
});

describe('didYouMeanZone', () => {
  it('words one or more suggestions, or none', () => {
    expect(didYouMeanZone('Adelaide')).toBe(' (did you mean Australia/Adelaide?)');
    expect(didYouMeanZone('Lonon', ['Europe/London', 'Canada/London', 'Asia/Tokyo'])).toBe(' (did you mean Canada/London or Europe/London?)');
    expect(didYouMeanZone('Mars/Olympus')).toBe('');
  });
});
