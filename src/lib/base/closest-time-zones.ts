import { joinOr } from './join-or';
import { oneNamePerRename, otherZoneNames, RENAMED_TIME_ZONES } from './renamed-time-zones';

/**
 * The IANA zones closest to a name that is not one, best first (fewest edits, then by name), at
 * most `limit` (empty when none is close). Names are compared in lower case, spaces as
 * underscores, a trailing 'time' or 'standard time' dropped.
 * - Zones whose city part is the text's ('Adelaide', 'new york', 'Pacific Time'; their region
 *   agreeing, as below) are the only ones offered when there are any.
 * - Else zones within a few edits of the text, counted as Damerau–Levenshtein distance (at most
 *   1 edit for a city part of up to 4 letters, 2 up to 8, else 3), of the whole name or of its
 *   city part. The city part counts only when the regions agree: the text names none, the two
 *   are within one edit, or one holds the other with path segments missing or added
 *   (`nestedPaths`: 'Argentina/Buenos_Aires' and 'Kentucky/Louisville' lack 'America/',
 *   'America/Indiana/Indianapolis' has 'Indiana/' more than America/Indianapolis). So
 *   'US/Easten' is US/Eastern, never Pacific/Easter.
 * - A suggestion keeps the text's signed numbers as typed, so an offset ('UTC+2', 'GMT-5') gets
 *   none rather than UTC or GMT.
 * - A zone renamed in a tz release is also matched by its other name when `zones` lacks that
 *   name (`otherZoneNames`): in a list with Europe/Kyiv and no Europe/Kiev, 'Kiev' and
 *   'Europe/Kiev' find Europe/Kyiv. Of a rename's two names both close, one is offered
 *   (`oneNamePerRename`).
 *
 * `zones` defaults to the runtime's list (`Intl.supportedValuesOf('timeZone')`, which names no
 * alias) with the common aliases (US/…, Canada/…, UTC, GMT, Etc/UTC) and both names of every
 * rename, each where the runtime accepts it. By default a renamed zone is therefore offered under
 * the name typed ('Kiev' gives Europe/Kiev, 'Kyiv' Europe/Kyiv), and 'Argentina/Buenos_Aires'
 * finds America/Argentina/Buenos_Aires on Node 20, which lists only America/Buenos_Aires.
 *
 * @example closestTimeZones('Adelaide') // → ['Australia/Adelaide']
 * @example closestTimeZones('America/Chicgo') // → ['America/Chicago']
 * @example closestTimeZones('Eastern') // → ['Canada/Eastern', 'US/Eastern']
 * @example closestTimeZones('Argentina/Buenos_Aires') // → ['America/Argentina/Buenos_Aires']
 * @example closestTimeZones('Kiev', ['Europe/Kyiv', 'UTC']) // → ['Europe/Kyiv']
 */
export function closestTimeZones(text: string, zones: readonly string[] = runtimeZones(), limit = 3): string[] {
  const wanted = normalise(text);
  if (wanted === '') return [];
  const slash = wanted.lastIndexOf('/');
  const wantedRegion = slash < 0 ? null : wanted.slice(0, slash);
  const wantedCity = wanted.slice(slash + 1);
  const wantedPath = wantedRegion === null ? [] : wantedRegion.split('/');
  const allowed = wantedCity.length <= 4 ? 1 : wantedCity.length <= 8 ? 2 : 3;
  // An offset is not a typo: 'UTC+2' two edits from 'UTC' would move every day cut by 2 h.
  const offsets = offsetsOf(wanted);
  const scored: { zone: string; score: number }[] = [];
  const others = otherZoneNames(zones);
  for (const zone of zones) {
    let score = Infinity;
    for (const name of [zone, ...(others.get(zone) ?? [])].map(normalise)) {
      if (offsetsOf(name) !== offsets) continue;
      const cut = name.lastIndexOf('/');
      const city = name.slice(cut + 1);
      const region = name.slice(0, Math.max(cut, 0));
      // A city-only match across different regions is how 'US/Easten' became Pacific/Easter.
      const cityCounts = wantedRegion === null || editDistance(wantedRegion, region) <= 1 || nestedPaths(wantedPath, cut < 0 ? [] : region.split('/'));
      const named = cityCounts && city === wantedCity ? 0 : 1 + Math.min(editDistance(wanted, name), cityCounts ? editDistance(wantedCity, city) : Infinity);
      score = Math.min(score, named);
    }
    if (score <= allowed + 1) scored.push({ zone, score });
  }
  // An exact city match leaves no room for a near one: 'Eastern' is not Pacific/Easter.
  const best = scored.some((s) => s.score === 0) ? scored.filter((s) => s.score === 0) : scored;
  best.sort((a, b) => a.score - b.score || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
  return oneNamePerRename(
    best.map((s) => s.zone),
    wantedPath.length + 1,
  ).slice(0, limit);
}

/**
 * True when one region path has more segments than the other and holds all of the other's, in
 * order (neither empty): the same place with a path segment missing or added.
 * @example nestedPaths(['argentina'], ['america', 'argentina']) // → true
 * @example nestedPaths(['us'], ['pacific']) // → false
 */
function nestedPaths(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0 || short.length === long.length) return false;
  let found = 0;
  for (const segment of long) if (found < short.length && segment === short[found]) found++;
  return found === short.length;
}

/**
 * ' (did you mean A, B or C?)' for the zones closest to `text` (`closestTimeZones`), or '' when none is close.
 * @example didYouMeanZone('Adelaide') // → ' (did you mean Australia/Adelaide?)'
 */
export function didYouMeanZone(text: string, zones?: readonly string[]): string {
  const close = closestTimeZones(text, zones);
  if (close.length === 0) return '';
  return ` (did you mean ${joinOr(close)}?)`;
}

/** The signed numbers in a name ('utc+2' → '+2'; '' for most zones): a suggestion keeps them as typed. */
function offsetsOf(name: string): string {
  return (name.match(/[+-]?\d+/g) ?? []).join(' ');
}

/** Lower case, spaces as underscores, without a trailing 'time' ('Pacific Standard Time' → 'pacific'). */
function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_')
    .replace(/(?<=.)_(?:(?:standard|daylight)_)?time$/, '');
}

/**
 * Aliases people type that `Intl.supportedValuesOf` leaves out; kept only where the runtime
 * accepts them. Not US/Samoa: it is Pago Pago (UTC−11), a day from Samoa itself (Pacific/Apia).
 */
const COMMON_ALIASES = [
  ...['Alaska', 'Aleutian', 'Arizona', 'Central', 'East-Indiana', 'Eastern', 'Hawaii', 'Indiana-Starke', 'Michigan', 'Mountain', 'Pacific'].map(
    (c) => `US/${c}`,
  ),
  ...['Atlantic', 'Central', 'Eastern', 'Mountain', 'Newfoundland', 'Pacific', 'Saskatchewan', 'Yukon'].map((c) => `Canada/${c}`),
  'UTC',
  'GMT',
  'Etc/UTC',
];

let cachedZones: readonly string[] | null = null;

/** The runtime's zones with the aliases and renamed zones' other names it accepts, read once (a list of about 440 names). */
function runtimeZones(): readonly string[] {
  cachedZones ??= readRuntimeZones();
  return cachedZones;
}

function readRuntimeZones(): readonly string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const listed = typeof supported === 'function' ? supported('timeZone') : [];
  const known = new Set(listed);
  const others = [...COMMON_ALIASES, ...RENAMED_TIME_ZONES.flat()];
  return [...listed, ...others.filter((name) => !known.has(name) && accepts(name))];
}

/** True when this runtime formats in `zone` (not `isTimeZone`: time-zone.ts imports this file). */
function accepts(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
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
