import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LoadReportView from './LoadReportView.svelte';
import { emptyDropCounts, type LoadReport } from '../../lib/io/incidents';
import type { IncidentsSummary } from '../../lib/io/summarise-incidents';

const declared: IncidentsSummary = { rows: 2_400, clock: 'wall', timeZone: 'Europe/London', time: null, categories: [], uncategorised: 0, extent: null };

describe('LoadReportView: drops by category', () => {
  it('names the categories that lost every row and lists drops per category with their reasons', () => {
    const report: LoadReport = {
      files: [],
      read: 2_530,
      kept: 2_400,
      dropped: { ...emptyDropCounts(), 'location-zero': 130 },
      examples: [],
      warnings: [],
      breakdown: [
        {
          role: 'category',
          column: 'type',
          values: [
            { value: 'SEXUAL OFFENCE', read: 90, kept: 0, dropped: { 'location-zero': 90 } },
            { value: 'HOMICIDE', read: 40, kept: 0, dropped: { 'location-zero': 40 } },
          ],
          more: 0,
          lost: ['HOMICIDE', 'SEXUAL OFFENCE'],
        },
      ],
    };
    render(LoadReportView, { props: { report, summary: declared, timeColumn: 'time', ms: 12 } });
    expect(screen.getByRole('alert').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '2 category values lost every row and appear in no count, map or model: HOMICIDE, SEXUAL OFFENCE.',
    );
    const section = screen.getByRole('region', { name: 'Dropped rows by category' });
    const rows = [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ['SEXUAL OFFENCE', '90', '90', 'both coordinates are 0 (an "unknown location" sentinel), before or after projection: 90'],
      ['HOMICIDE', '40', '40', 'both coordinates are 0 (an "unknown location" sentinel), before or after projection: 40'],
    ]);
  });

  it("warns, first, when no time zone is in force, naming what is assumed and the Time zone field; remedies name the app's controls", () => {
    const duplicates = '2 rows repeat an earlier row in every column (in p.arrow: row 4 repeats row 1; …): kept; drop them with the duplicates setting';
    const report: LoadReport = { files: [], read: 10, kept: 10, dropped: emptyDropCounts(), examples: [], warnings: [duplicates] };
    render(LoadReportView, { props: { report, summary: { ...declared, timeZone: null }, timeColumn: 'occurred_at', ms: 12 } });
    const items = [...document.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      "no time zone declared for 'occurred_at' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC; type it in the Time zone field of the column mapping",
      "2 rows repeat an earlier row in every column (in p.arrow: row 4 repeats row 1; …): kept; tick 'Drop duplicate rows' in the column mapping to drop them",
    ]);
  });

  it("takes the Binning step's zone (set there or by a link's tz) as in force, and names its field for instants", () => {
    const report: LoadReport = { files: [], read: 10, kept: 10, dropped: emptyDropCounts(), examples: [], warnings: [] };
    const items = (): (string | undefined)[] => [...document.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    const instants = { ...declared, clock: 'instant' as const, timeZone: null };
    const view = render(LoadReportView, { props: { report, summary: instants, timeColumn: 'occurred_at', binningZone: 'America/Chicago', ms: 12 } });
    expect(items()).toEqual([]);
    view.unmount();
    const wall = render(LoadReportView, {
      props: { report, summary: { ...declared, timeZone: null }, timeColumn: 'occurred_at', binningZone: 'Europe/Paris', ms: 12 },
    });
    expect(items()).toEqual([]);
    wall.unmount();
    render(LoadReportView, { props: { report, summary: instants, timeColumn: 'occurred_at', binningZone: null, ms: 12 } });
    expect(items()).toEqual([
      "no time zone declared for 'occurred_at' (instants): days and weeks are cut at midnight UTC, hours off a local day anywhere else; type it in the Time zone field of the column mapping or of the Binning step",
    ]);
  });
});
