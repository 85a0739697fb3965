/**
 * Splits a column name into lower-case words at camelCase humps and at anything that is not a
 * letter or digit, for name-based guesses.
 *
 * @example
 * columnTokens('X Coordinate') // → ['x', 'coordinate'];  columnTokens('occurredAt') // → ['occurred', 'at']
 */
export function columnTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '');
}

/**
 * Sums the weights of the distinct words of `name` found in `weights`, and lists those words
 * (for the human-readable reason).
 *
 * @example
 * scoreName('occ_date', { date: 2, occ: 1 }) // → { score: 3, words: ['occ', 'date'] }
 */
export function scoreName(name: string, weights: Readonly<Record<string, number>>): { score: number; words: string[] } {
  const words = [...new Set(columnTokens(name))].filter((token) => Object.hasOwn(weights, token));
  return { score: words.reduce((sum, word) => sum + weights[word], 0), words };
}
