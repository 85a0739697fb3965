import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LoadReportView from './LoadReportView.svelte';
import { emptyDropCounts, type LoadReport } from '../../lib/io/incidents';

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
    render(LoadReportView, { props: { report, ms: 12 } });
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
});
