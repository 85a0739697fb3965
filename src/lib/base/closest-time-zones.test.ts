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
    // Aliases the runtime accepts but does not list; a region that differs rules out a city-only match.
    ['US/Easten', ['US/Eastern']],
    ['us/pacfic', ['US/Pacific']],
    ['Eastern', ['Canada/Eastern', 'US/Eastern']],
    ['Pacific Time', ['Canada/Pacific', 'US/Pacific']],
    ['Central Standard Time', ['Canada/Central', 'US/Central']],
    ['Etc/UTX', ['Etc/UTC']],
  ])('%j → %j', (text, zones) => {
    expect(closestTimeZones(text)).toEqual(zones);
  });

  it('offers nothing for text far from every zone, nor a city of the same name in another region', () => {
    expect(closestTimeZones('Mars/Olympus')).toEqual([]);
    expect(closestTimeZones('Pacific Standard')).toEqual([]);
    expect(closestTimeZones('Asia/Easter')).toEqual([]);
    expect(closestTimeZones('  ')).toEqual([]);
  });

  it('lists the closest first, several when several are as close, at most the limit', () => {
    expect(closestTimeZones('Europe/Lonon', ['Europe/London', 'Europe/Lisbon', 'Asia/Tokyo'])).toEqual(['Europe/London']);
    expect(closestTimeZones('Porr', ['America/Port_of_Spain', 'Europe/Paris', 'X/Porto', 'Y/Port', 'Z/Pork'], 2)).toEqual(['Y/Port', 'Z/Pork']);
  });

  it('offers only the exact city matches when there are any', () => {
    expect(closestTimeZones('Paris')).toEqual(['Europe/Paris']);
    expect(closestTimeZones('Saigon', ['Asia/Saigon', 'Pacific/Saipan'])).toEqual(['Asia/Saigon']);
    expect(closestTimeZones('Port', ['X/Porto', 'Y/Port', 'Z/Port'])).toEqual(['Y/Port', 'Z/Port']);
  });
});

describe('didYouMeanZone', () => {
  it('words one or more suggestions, or none', () => {
    expect(didYouMeanZone('Adelaide')).toBe(' (did you mean Australia/Adelaide?)');
    expect(didYouMeanZone('Lonon', ['Europe/London', 'Canada/London', 'Asia/Tokyo'])).toBe(' (did you mean Canada/London or Europe/London?)');
    expect(didYouMeanZone('Mars/Olympus')).toBe('');
  });
});
