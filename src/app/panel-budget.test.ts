import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_VALUES } from '../lib/grid/panel-size';
import { DEFAULT_PANEL_MB, maxValuesOf, panelBudget } from './panel-budget';

describe('panelBudget', () => {
  it("is 1,000 MB (250 M values, binIncidents' default) on a device with 8 GB or that does not say, saying why and how to raise it in the app", () => {
    expect(panelBudget('', 8)).toEqual({
      mb: 1000,
      why: "a tab's memory is a few GB, and a run holds the panel several times over; raise it by adding ?panelmb=N (megabytes) to the page's address",
    });
    expect(panelBudget('', undefined).mb).toBe(1000);
    expect(maxValuesOf(DEFAULT_PANEL_MB)).toBe(DEFAULT_MAX_VALUES);
  });

  it('is an eighth of a smaller device memory: 4 GB → 500 MB, 0.5 GB → 62.5 MB', () => {
    expect(panelBudget('', 4)).toEqual({
      mb: 500,
      why: "an eighth of this device's 4 GB of memory (navigator.deviceMemory); raise it by adding ?panelmb=N (megabytes) to the page's address",
    });
    expect(panelBudget('', 0.5).mb).toBe(62.5);
  });

  it('takes ?panelmb=N from the address, ignoring a value that is not a positive number', () => {
    expect(panelBudget('?sample=x&panelmb=0.01', 8)).toEqual({ mb: 0.01, why: 'set by the page address (?panelmb=0.01)' });
    expect(maxValuesOf(0.01)).toBe(2500);
    expect(panelBudget('?panelmb=-3', 4).mb).toBe(500);
    expect(panelBudget('?panelmb=abc', 8).mb).toBe(1000);
  });
});
