import { describe, expect, it } from 'vitest';
import { zoneNotDeclaredWarning } from './zone-warning';

describe('zoneNotDeclaredWarning', () => {
  it('says what is assumed for wall-clock readings and for instants, with the neutral remedy', () => {
    expect(zoneNotDeclaredWarning({ clock: 'wall', timeZone: null }, 'occurred_at')).toBe(
      "no time zone declared for 'occurred_at' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC; declare the zone with the time zone setting",
    );
    expect(zoneNotDeclaredWarning({ clock: 'instant', timeZone: null }, 't')).toBe(
      "no time zone declared for 't' (instants): days and weeks are cut at midnight UTC, hours off a local day anywhere else; declare the zone with the time zone setting",
    );
  });

  it('is null once a zone is in force (declared by the data or chosen)', () => {
    expect(zoneNotDeclaredWarning({ clock: 'wall', timeZone: 'America/New_York' }, 'occurred_at')).toBeNull();
    expect(zoneNotDeclaredWarning({ clock: 'instant', timeZone: 'UTC' }, 't')).toBeNull();
  });
});
