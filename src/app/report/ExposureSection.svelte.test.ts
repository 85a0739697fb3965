import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ExposureAtCoverage, ReportExposure } from '../../lib/evaluate/exposure/report-exposure';
import ExposureSection from './ExposureSection.svelte';

const interval = (mean: number, lo = NaN, hi = NaN) => ({ mean, lo, hi, n: 6 });
const at = (shares: [number, number], population: [number, number], extra: Partial<ExposureAtCoverage> = {}): ExposureAtCoverage => ({
  share: shares.map((s) => interval(s, s - 0.05, s + 0.05)),
  ratio: shares.map((s, g) => interval(s / population[g], s / population[g] - 0.1, s / population[g] + 0.1)),
  ratioToIncidents: shares.map((s) => interval(s)),
  persistence: 0.8,
  gini: 0.91,
  distinctCells: 4,
  distinctWhole: 4,
  ...extra,
});

/** A hand-built exposure section: two groups (25 % and 75 % of 4,000 people), one model, the oracle and random selection at 5 %. */
const exposure: ReportExposure = {
  source: 'blocks.geojson',
  method: 'Apportioned by area overlap at resolution 12.',
  groups: ['black_lb', '<b>white</b>'],
  population: [1000, 3000],
  populationShare: [0.25, 0.75],
  groupsOfTotal: 0.9,
  incidentShare: [interval(0.4, 0.35, 0.45), interval(0.6, 0.55, 0.65)],
  unassignedIncidents: 0.02,
  regionCells: 40,
  populatedCells: 38,
  uncoveredCells: 1,
  coveredShare: 0.97,
  coverage: [0.05],
  steps: 6,
  rule: 'The rule.',
  caveat: 'Exposure to a flag is not harm.',
  sources: ['Lum & Isaac 2016', 'Ensign et al. 2018'],
  selections: [
    { name: 'kde', kind: 'model', coverage: { '0.05': at([0.6, 0.4], [0.25, 0.75], { distinctCells: 5, distinctWhole: 3 }) } },
    { name: 'hindsight oracle', kind: 'hindsight', coverage: { '0.05': at([0.5, 0.5], [0.25, 0.75]) } },
    { name: 'random selection', kind: 'random', coverage: { '0.05': at([0.25, 0.75], [0.25, 0.75], { persistence: 0, gini: 0.6, distinctCells: 2.2 }) } },
  ],
};

describe('ExposureSection', () => {
  it('shows each group’s population and incident share, and per selection its share of flags with the ratio to population share', () => {
    render(ExposureSection, { exposure });
    const population = screen.getAllByRole('table')[0];
    expect(within(population).getByRole('row', { name: /black_lb/ }).textContent).toMatch(/1,000\s*25 %\s*40 % \[35\.0, 45\.0\]/);
    const flags = screen.getByRole('table', { name: 'Who gets flagged at 5 % of the area' });
    const kde = within(flags).getByRole('row', { name: /^kde/ });
    // 0.6 / 0.25 = 2.4 for black_lb; 0.4 / 0.75 = 0.533 for the other group.
    expect(kde.textContent).toMatch(/60 % \[55\.0, 65\.0\]\s*×2\.40 \[2\.30, 2\.50\]/);
    expect(kde.textContent).toMatch(/40 % \[35\.0, 45\.0\]\s*×0\.533/);
    expect(kde.textContent).toMatch(/80 %\s*0\.910\s*3–5 \(ties\)/);
    expect(within(flags).getByRole('row', { name: /^random selection/ }).textContent).toMatch(/×1\.00.*2\.20 expected/s);
  });

  it('draws the chart with a mark per selection and group, shows group names as text, and ends with the caveat and sources', () => {
    const { container } = render(ExposureSection, { exposure });
    expect(screen.getByRole('img', { name: 'Share of flags ÷ share of population at 5 % of the area' })).toBeTruthy();
    expect(container.querySelectorAll('svg circle, svg rect, svg path[fill]').length).toBe(3 * 2 + 3); // marks + legend
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>white</b>');
    expect(screen.getByText(/Exposure to a flag is not harm\./)).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Lum & Isaac 2016', 'Ensign et al. 2018']);
  });
});
