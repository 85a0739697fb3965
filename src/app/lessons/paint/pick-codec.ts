/**
 * The paint lesson's picks in a link, compactly: the H3 indexes sorted, their trailing 'f's (the
 * unused finer digits) dropped, the prefix they share written once, then the rest of each joined
 * by '.': `PREFIX_rest.rest.…`. Only characters a query string keeps as they are ([0-9a-f._]).
 * @example encodePicks(['882664c1a9fffff', '882664c1abfffff']) // → '882664c1a_9.b'
 */
export function encodePicks(cells: readonly string[]): string {
  if (cells.length === 0) return '';
  const trimmed = [...new Set(cells)].sort().map((cell) => cell.replace(/f+$/, ''));
  let prefix = trimmed[0];
  for (const cell of trimmed) while (!cell.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return `${prefix}_${trimmed.map((cell) => cell.slice(prefix.length)).join('.')}`;
}

/**
 * The cells of `encodePicks`' text (15-character H3 indexes); anything that is not such a text
 * gives no cells, so a damaged link shows an empty map rather than an error.
 * @example decodePicks('882664c1a_9.b') // → ['882664c1a9fffff', '882664c1abfffff']
 */
export function decodePicks(text: string | null): string[] {
  if (!text || !/^[0-9a-f]*_[0-9a-f.]*$/.test(text)) return [];
  const [prefix, rest] = text.split('_');
  const cells = rest.split('.').map((part) => `${prefix}${part}`);
  if (cells.some((cell) => cell.length > 15)) return [];
  return cells.map((cell) => cell.padEnd(15, 'f'));
}
