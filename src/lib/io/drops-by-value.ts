import { DROP_REASON_TEXT, DROP_REASONS, type DropBreakdown, type DropReason, type ValueDrops } from './incidents';

/** How many values with drops a breakdown lists (the lost ones always are). */
export const MAX_VALUES_SHOWN = 20;

/** Drops that the user chose (a category or time filter), not losses to explain. */
const CHOSEN: ReadonlySet<DropReason> = new Set(['category-filtered', 'time-filtered']);

/**
 * Breaks the load's drops down by the values of a column: per value (`codes[i]` indexes `values`,
 * −1 = no value) the rows read, kept and dropped by reason (`reasons[i]`: 0 kept, k =
 * DROP_REASONS[k − 1]). Lists the values that lost rows, most dropped first, at most
 * `MAX_VALUES_SHOWN`, and always every value that lost all its rows; `lost` names those, leaving
 * out values lost only to the user's filters and the `excluded` values (a category the user's
 * filter leaves out is gone by choice, though its rows were dropped first for another reason).
 * One pass over the rows and one array of (values + 1) × reasons counts.
 *
 * @example
 * dropsByValue('category', 'type', ['HOMICIDE', 'THEFT'], Int32Array.of(0, 0, 1), Uint8Array.of(8, 8, 0))
 * // → { role: 'category', column: 'type', values: [{ value: 'HOMICIDE', read: 2, kept: 0, dropped: { 'location-zero': 2 } }], more: 0, lost: ['HOMICIDE'] }
 */
export function dropsByValue(
  role: string,
  column: string,
  values: readonly string[],
  codes: Int32Array,
  reasons: Uint8Array,
  excluded: ReadonlySet<string> = new Set(),
): DropBreakdown {
  const R = DROP_REASONS.length;
  const V = values.length + 1; // the last slot: no value
  const counts = new Float64Array(V * (R + 1));
  for (let i = 0; i < reasons.length; i++) {
    const v = codes[i] < 0 ? V - 1 : codes[i];
    counts[v * (R + 1) + reasons[i]]++;
  }
  // Provisional dictionaries may repeat a value (one entry per file): counts are merged by value.
  const rows = new Map<string | null, Float64Array>();
  for (let v = 0; v < V; v++) {
    const value = v === V - 1 ? null : values[v];
    const row = counts.subarray(v * (R + 1), (v + 1) * (R + 1));
    const before = rows.get(value);
    if (before) for (let r = 0; r <= R; r++) before[r] += row[r];
    else rows.set(value, Float64Array.from(row));
  }
  const all: ValueDrops[] = [];
  const lost: string[] = [];
  for (const [value, row] of rows) {
    let read = 0;
    for (let r = 0; r <= R; r++) read += row[r];
    const kept = row[0];
    if (read === kept) continue;
    const dropped: Partial<Record<DropReason, number>> = {};
    let chosen = 0;
    DROP_REASONS.forEach((reason, r) => {
      if (row[r + 1] === 0) return;
      dropped[reason] = row[r + 1];
      if (CHOSEN.has(reason)) chosen += row[r + 1];
    });
    all.push({ value, read, kept, dropped });
    if (kept === 0 && chosen < read && value !== null && !excluded.has(value)) lost.push(value);
  }
  const droppedOf = (e: ValueDrops): number => e.read - e.kept;
  const sorted = all.sort((a, b) => droppedOf(b) - droppedOf(a) || String(a.value).localeCompare(String(b.value)));
  const lostSet = new Set(lost);
  const shown = sorted.filter((e, i) => i < MAX_VALUES_SHOWN || (e.value !== null && lostSet.has(e.value)));
  return { role, column, values: shown, more: sorted.length - shown.length, lost: [...lostSet].sort() };
}

/**
 * The warning naming a value that lost every row, with the reasons: "category 'HOMICIDE' lost all
 * 40 rows: 40 location-zero (both coordinates are 0 …)".
 *
 * @example
 * lostValueWarning('category', { value: 'HOMICIDE', read: 40, kept: 0, dropped: { 'location-zero': 40 } })
 * // → "category 'HOMICIDE' lost all 40 of its rows: 40 location-zero (both coordinates are 0 (an \"unknown location\" sentinel), before or after projection); it is in no count, map or model"
 */
export function lostValueWarning(role: string, entry: ValueDrops): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const why = (Object.entries(entry.dropped) as [DropReason, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${n(count)} ${reason} (${DROP_REASON_TEXT[reason]})`)
    .join(', ');
  return `${role} '${entry.value}' lost all ${n(entry.read)} of its rows: ${why}; it is in no count, map or model`;
}
