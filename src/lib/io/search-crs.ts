import type { EpsgEntry } from './epsg-registry';

/** Lower case without accents: 'Córdoba' → 'cordoba'. */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The registry CRSs matching a query typed in the CRS picker, best first, at most `limit`. Every
 * word of the query must occur in the code, name or area of use (case and accents ignored).
 * Ranking: the exact code first, then codes starting with the query, then entries whose name holds
 * every word as a whole word ('Argentina 6'), then as part of a word ('1963'), then those matched
 * through their area; ties in code order (a stable, neutral order).
 *
 * @example
 * searchCrs(registry.entries, 'argentina 6')[0].code // → 5348 ('POSGAR 2007 / Argentina 6'), then 22186 ('Campo Inchauspe / Argentina 6')
 */
export function searchCrs(entries: readonly EpsgEntry[], query: string, limit = 12): EpsgEntry[] {
  const words = fold(query.replace(/^\s*epsg\s*:?\s*/i, ''))
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return [];
  const ranked: { entry: EpsgEntry; rank: number }[] = [];
  for (const entry of entries) {
    const code = String(entry.code);
    const name = fold(entry.name);
    const all = `${code} ${name} ${fold(entry.area ?? '')}`;
    if (!words.every((word) => all.includes(word))) continue;
    const tokens = new Set(name.split(/[^a-z0-9]+/));
    const single = words.length === 1 ? words[0] : null;
    const rank =
      single === code
        ? 0
        : single !== null && code.startsWith(single)
          ? 1
          : words.every((w) => tokens.has(w))
            ? 2
            : words.every((w) => name.includes(w))
              ? 3
              : 4;
    ranked.push({ entry, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.entry.code - b.entry.code)
    .slice(0, limit)
    .map((r) => r.entry);
}
