/**
 * Alternatives as a sentence reads them: 'A', 'A or B', 'A, B or C' ('' for none).
 * @example joinOr(['Canada/Eastern', 'US/Eastern']) // → 'Canada/Eastern or US/Eastern'
 */
export function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
