import { describe, expect, it } from 'vitest';
import { loadWarnings } from './load-warnings';

describe('loadWarnings', () => {
  const report = { warnings: ['4 rows repeat an earlier row in every column (…): kept; drop them with the duplicates setting'] };

  it('puts the zone warning first when no zone is in force, then the report’s, in their neutral phrases', () => {
    expect(loadWarnings({ clock: 'wall', timeZone: null }, report, 'occurred_at')).toEqual([
      "no time zone declared for 'occurred_at' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC; declare the zone with the time zone setting",
      report.warnings[0],
    ]);
  });

  it('has no zone warning when the data declares a zone or the binning sets one', () => {
    expect(loadWarnings({ clock: 'wall', timeZone: 'America/New_York' }, report, 'occurred_at')).toEqual(report.warnings);
    expect(loadWarnings({ clock: 'instant', timeZone: null }, report, 'occurred_at', 'Europe/Paris')).toEqual(report.warnings);
  });
});
