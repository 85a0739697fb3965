import type { Incidents } from '../io/incidents';

/**
 * Keeps the incidents whose category is one of `keep` (by name); the others are counted as
 * dropped for 'category-filtered' in the returned load report, so `read === kept + Σ dropped`
 * still holds. Rows without a category (code −1) are dropped too. `keep === null` returns the
 * incidents unchanged.
 * @example selectCategories(incidents, ['BURGLARY']).report.dropped['category-filtered'] // → rows of other types
 */
export function selectCategories(incidents: Incidents, keep: readonly string[] | null): Incidents {
  if (keep === null) return incidents;
  const wanted = new Set(keep);
  const codes = incidents.categories.map((name) => wanted.has(name));
  const n = incidents.length;
  let kept = 0;
  for (let i = 0; i < n; i++) if (incidents.category[i] >= 0 && codes[incidents.category[i]]) kept++;
  const time = new Float64Array(kept);
  const lat = new Float64Array(kept);
  const lng = new Float64Array(kept);
  const category = new Int32Array(kept);
  for (let i = 0, k = 0; i < n; i++) {
    const code = incidents.category[i];
    if (code < 0 || !codes[code]) continue;
    time[k] = incidents.time[i];
    lat[k] = incidents.lat[i];
    lng[k] = incidents.lng[i];
    category[k] = code;
    k++;
  }
  const report = incidents.report;
  return {
    ...incidents,
    length: kept,
    time,
    lat,
    lng,
    category,
    report: {
      ...report,
      kept,
      dropped: { ...report.dropped, 'category-filtered': report.dropped['category-filtered'] + (n - kept) },
    },
  };
}
