import { APP_REMEDY_WORDS } from './data/load-warnings';

/** How the app's budget is raised: the page address, in the words of the refusal's remedy. */
const RAISE = `raise it ${APP_REMEDY_WORDS.raisePanelLimit}`;

/**
 * The largest panel the app bins, in MB of Float32 counts (4 bytes a cell-period), and why, with
 * how to raise it in the app (`why`: the Binning step shows it next to the budget).
 *
 * Default 1,000 MB (binIncidents' 250 M values, as the CLI's): a tab's JavaScript heap is limited to a
 * few GB (about 4 GB in Chromium), and a run holds the panel several times over (its counts,
 * each model's forecasts, the scores), so a larger panel fails by running out of memory midway.
 * On a device that reports less than 8 GB (`navigator.deviceMemory`, Chromium only, rounded and
 * capped at 8), an eighth of its memory instead: 500 MB on 4 GB. `?panelmb=N` in the page's
 * address sets it outright (documented in the README's Binning step; the browser tests use it to provoke a
 * refusal with a small file).
 * @example panelBudget('', 4) // → { mb: 500, why: "an eighth of this device's 4 GB of memory (navigator.deviceMemory); raise it by adding ?panelmb=N …" }
 */
export function panelBudget(search: string, deviceMemoryGb: number | undefined): { readonly mb: number; readonly why: string } {
  const asked = new URLSearchParams(search).get('panelmb');
  const mb = asked === null ? NaN : Number(asked);
  if (mb > 0) return { mb, why: `set by the page address (?panelmb=${asked})` };
  if (deviceMemoryGb !== undefined && deviceMemoryGb > 0 && deviceMemoryGb < 8)
    return { mb: (deviceMemoryGb * 1000) / 8, why: `an eighth of this device's ${deviceMemoryGb} GB of memory (navigator.deviceMemory); ${RAISE}` };
  return { mb: DEFAULT_PANEL_MB, why: `a tab's memory is a few GB, and a run holds the panel several times over; ${RAISE}` };
}

/** The default panel limit, MB: `DEFAULT_MAX_VALUES` (binIncidents' default) × 4 bytes. */
export const DEFAULT_PANEL_MB = 1000;

/**
 * The budget as `BinSettings.maxValues`: values of 4 bytes in `mb` decimal megabytes.
 * @example maxValuesOf(1000) // → 250000000
 */
export function maxValuesOf(mb: number): number {
  return Math.floor((mb * 1e6) / 4);
}
