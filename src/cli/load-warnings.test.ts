import { describe, expect, it } from 'vitest';
import { emptyDropCounts } from '../lib/io/incidents';
import { cliLoadWarnings } from './load-warnings';

const report = { files: [], read: 1, kept: 1, dropped: emptyDropCounts(), examples: [], warnings: ['values look projected'] };
const mapping = { time: { column: 'occurred_at' } };

describe('cliLoadWarnings', () => {
  it('puts the zone warning first, worded with the --tz flag', () => {
    expect(cliLoadWarnings({ clock: 'wall', timeZone: null, report }, mapping)).toEqual([
      "no time zone declared for 'occurred_at' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC; declare it with --tz ZONE (an IANA name such as America/New_York)",
      'values look projected',
    ]);
  });

  it('words the duplicates remedy as the --duplicates flag', () => {
    const duplicated = {
      ...report,
      warnings: ['2 rows repeat an earlier row in every column (in p.arrow: row 4 repeats row 1; …): kept; drop them with the duplicates setting'],
    };
    expect(cliLoadWarnings({ clock: 'wall', timeZone: 'UTC', report: duplicated }, mapping)).toEqual([
      '2 rows repeat an earlier row in every column (in p.arrow: row 4 repeats row 1; …): kept; drop them with --duplicates drop',
    ]);
  });

  it('adds nothing when a zone is in force', () => {
    expect(cliLoadWarnings({ clock: 'wall', timeZone: 'America/Chicago', report }, mapping)).toEqual(['values look projected']);
  });
});
