/**
 * The IANA zones closest to a name that is not one, best first, at most `limit` (empty when none
 * is close): a zone whose city part matches the text (any case, spaces for underscores:
 * 'Adelaide', 'new york') comes first, then zones within a few edits of the text or of its city
 * part (Damerau–Levenshtein over lower case; at most 1 edit for up to 4 letters, 2 up to 8, else 3).
 * `zones` defaults to the runtime's list (`Intl.supportedValuesOf('timeZone')`).
 *
 * @example closestTimeZones('Adelaide') // → ['Australia/Adelaide']
 * @example closestTimeZones('America/Chicgo') // → ['America/Chicago']
 */
export function closestTimeZones(text: string, zones: readonly string[] = runtimeZones(), limit = 3): string[] {
  const wanted = normalise(text);
  if (wanted === '') return [];
  const wantedCity = wanted.slice(wanted.lastIndexOf('/') + 1);
  const allowed = wantedCity.length <= 4 ? 1 : wantedCity.length <= 8 ? 2 : 3;
  const scored: { zone: string; score: number }[] = [];
  for (const zone of zones) {
    const name = normalise(zone);
    const city = name.slice(name.lastIndexOf('/') + 1);
    const score = city === wantedCity ? 0 : 1 + Math.min(editDistance(wanted, name), editDistance(wantedCity, city));
    if (score <= allowed + 1) scored.push({ zone, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.zone);
}

/**
 * ' did you mean A or B?' for the zones closest to `text` (`closestTimeZones`), or '' when none is close.
 * @example didYouMeanZone('Adelaide') // → ' (did you mean Australia/Adelaide?)'
 */
export function didYouMeanZone(text: string, zones?: readonly string[]): string {
  const close = closestTimeZones(text, zones);
  if (close.length === 0) return '';
  const list = close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close[close.length - 1]}`;
  return ` (did you mean ${list}?)`;
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '_');
}

function runtimeZones(): readonly string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return typeof supported === 'function' ? supported('timeZone') : [];
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}
