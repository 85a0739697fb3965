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

  it('offers nothing for an offset, whose sign and hours no near zone keeps (UTC would move every day cut)', () => {
    for (const text of ['UTC+2', 'utc-5', 'UTC+1', 'GMT+2', 'GMT -3', 'UTC+05:30']) expect(closestTimeZones(text), text).toEqual([]);
    // A zone that keeps them is still found.
    expect(closestTimeZones('Etc/GMT+5', ['Etc/GMT+5', 'Etc/GMT', 'UTC'])).toEqual(['Etc/GMT+5']);
    expect(closestTimeZones('Etc/GTM+5', ['Etc/GMT+5', 'Etc/GMT-5', 'UTC'])).toEqual(['Etc/GMT+5']);
  });

  it('does not offer US/Samoa (Pago Pago, UTC−11) for Samoa (Pacific/Apia, UTC+13)', () => {
    expect(closestTimeZones('Samoa')).not.toContain('US/Samoa');
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

describe('closestTimeZones with zones renamed in a tz release', () => {
  // A runtime whose ICU lists only the new names (newer browsers), and one that lists only the old (Node 20).
  const NEW = ['Europe/Kyiv', 'Europe/Kirov', 'Europe/London', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Asia/Yangon', 'Asia/Kathmandu', 'Asia/Kashgar', 'UTC'];
  const OLD = ['Europe/Kiev', 'Europe/Kirov', 'Asia/Calcutta', 'Asia/Saigon', 'Asia/Rangoon', 'Asia/Katmandu', 'UTC'];

  it.each([
    ['Europe/Kiev', ['Europe/Kyiv']],
    ['Kiev', ['Europe/Kyiv']],
    ['Asia/Calcutta', ['Asia/Kolkata']],
    ['calcutta', ['Asia/Kolkata']],
    ['Asia/Saigon', ['Asia/Ho_Chi_Minh']],
    ['Saigon', ['Asia/Ho_Chi_Minh']],
    ['Asia/Rangoon', ['Asia/Yangon']],
    ['Asia/Katmandu', ['Asia/Kathmandu']],
    ['Calcuta', ['Asia/Kolkata']],
  ])('%j → %j where only the new names are listed', (text, zones) => {
    expect(closestTimeZones(text, NEW)).toEqual(zones);
  });

  it('finds the old name for a new one where only the old names are listed, and one name where both are', () => {
    expect(closestTimeZones('Europe/Kyiv', OLD)).toEqual(['Europe/Kiev']);
    expect(closestTimeZones('Kolkata', OLD)).toEqual(['Asia/Calcutta']);
    expect(closestTimeZones('Kiev', ['Europe/Kiev', 'Europe/Kyiv'])).toEqual(['Europe/Kiev']);
  });

  it('offers a renamed zone under the name typed from the runtime’s list, which holds both names of each rename it accepts', () => {
    expect(closestTimeZones('Kiev')).toEqual(['Europe/Kiev']);
    expect(closestTimeZones('Kyiv')).toEqual(['Europe/Kyiv']);
    expect(closestTimeZones('Calcutta')).toEqual(['Asia/Calcutta']);
    expect(closestTimeZones('Kolkata')).toEqual(['Asia/Kolkata']);
  });

  it('keeps the rules: no suggestion for an offset, nor for a city of the same name in another region', () => {
    for (const text of ['UTC+2', 'GMT-5']) expect(closestTimeZones(text, NEW), text).toEqual([]);
    expect(closestTimeZones('America/Kiev', NEW)).toEqual([]);
    expect(closestTimeZones('Mars/Calcutta', NEW)).toEqual([]);
  });
});

describe('closestTimeZones with a path segment missing or added', () => {
  // The runtime's list, with the other names of renamed zones it accepts (Node 20 lists America/Buenos_Aires, newer runtimes the new name).
  it.each([
    ['Argentina/Buenos_Aires', ['America/Argentina/Buenos_Aires']],
    ['Buenos_Aires', ['America/Argentina/Buenos_Aires']],
    ['Kentucky/Louisville', ['America/Kentucky/Louisville']],
    ['Indiana/Indianapolis', ['America/Indiana/Indianapolis']],
    ['Argentina/Salta', ['America/Argentina/Salta']],
    ['America/Knox', ['America/Indiana/Knox']],
    ['Argentina/Buenos_Aries', ['America/Argentina/Buenos_Aires']],
  ])('%j → %j', (text, zones) => {
    expect(closestTimeZones(text)).toEqual(zones);
  });

  // A list of the old names only, as Node 20's, where no other name is accepted.
  const OLD = [
    'America/Buenos_Aires',
    'America/Indianapolis',
    'America/Louisville',
    'America/Argentina/Salta',
    'America/Chicago',
    'Pacific/Easter',
    'US/Eastern',
  ];

  it.each([
    ['Argentina/Buenos_Aires', ['America/Buenos_Aires']],
    ['Kentucky/Louisville', ['America/Louisville']],
    ['America/Indiana/Indianapolis', ['America/Indianapolis']],
    ['America/Illinois/Chicago', ['America/Chicago']],
    ['Argentina/Salt', ['America/Argentina/Salta']],
  ])('%j → %j in a list of the old names', (text, zones) => {
    expect(closestTimeZones(text, OLD)).toEqual(zones);
  });

  it('keeps the region rule: a segment that is not the zone’s, or a path as long but other, finds nothing', () => {
    expect(closestTimeZones('US/Easten', OLD)).toEqual(['US/Eastern']);
    expect(closestTimeZones('Asia/Argentina/Salta', OLD)).toEqual([]);
    expect(closestTimeZones('Brazil/Buenos_Aires', OLD)).toEqual([]);
  });

  it('offers one name of a renamed zone both of whose names are close: the one as long as the text, else the current one', () => {
    const both = ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires', 'Europe/Kiev', 'Europe/Kyiv'];
    expect(closestTimeZones('Buenos_Aires', both)).toEqual(['America/Argentina/Buenos_Aires']);
    expect(closestTimeZones('America/Buenos_Aire', both)).toEqual(['America/Buenos_Aires']);
    expect(closestTimeZones('Europe/Kiyv', both)).toEqual(['Europe/Kyiv']);
  });
});

describe('didYouMeanZone', () => {
  it('words one or more suggestions, or none', () => {
    expect(didYouMeanZone('Adelaide')).toBe(' (did you mean Australia/Adelaide?)');
    expect(didYouMeanZone('Lonon', ['Europe/London', 'Canada/London', 'Asia/Tokyo'])).toBe(' (did you mean Canada/London or Europe/London?)');
    expect(didYouMeanZone('Mars/Olympus')).toBe('');
  });
});
