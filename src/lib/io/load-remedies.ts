/**
 * The settings a load warning or error can send the user to. A message made in the core names the
 * setting with its neutral phrase (readable as it is, e.g. in `inspect --json`); each shell words
 * it as its own control (`wordRemedies`): the app a field, checkbox or page address, the CLI a flag.
 * @example `…: kept; ${REMEDY_PHRASES.dropDuplicates}` // → '…: kept; drop them with the duplicates setting'
 */
export const REMEDY_PHRASES = {
  /** Declare the time zone of the data. */
  declareZone: 'declare the zone with the time zone setting',
  /** Drop rows that repeat an earlier row in every column. */
  dropDuplicates: 'drop them with the duplicates setting',
  /** Map latitude and longitude the other way round (the message names the columns). */
  swapLatLng: 'with the latitude and longitude settings',
  /** Declare the epoch unit of a numeric time column (the message names the unit). */
  declareUnit: 'with the time unit setting',
  /** Raise the largest panel binning may allocate. */
  raisePanelLimit: 'with the panel size limit setting',
  /** A longer time bucket that fits a refused panel; `{value}` is its unit ('day'): `remedyWith`. */
  coarserBucket: 'the time bucket setting at {value}',
  /** Rows far outside the bulk of the data are kept rather than dropped (mapping.keepOutliers): said of the rows it kept, or of the rows the loader would drop without it. */
  keepOutliers: 'the keep-outliers setting is on',
  /** A coarser H3 resolution that fits a refused panel; `{value}` is the resolution ('6'): `remedyWith`. */
  coarserRes: 'the resolution setting at {value}',
} as const;

/** Where a remedy's phrase holds the value the message gives (a bucket unit, a resolution): in the neutral phrase and in a shell's words. */
const VALUE = '{value}';

/** A setting a load warning's remedy points to. */
export type RemedySetting = keyof typeof REMEDY_PHRASES;

/**
 * How a shell words each remedy: the whole phrase that replaces the neutral one. For a setting
 * named with a value (`coarserBucket`, `coarserRes`) `{value}` in the words stands for it.
 */
export type RemedyWords = Readonly<Record<RemedySetting, string>>;

/**
 * The neutral phrase of a remedy that names a value, with the value in it: the facts (which
 * setting, which value) a shell words as its own control (`wordRemedies`).
 * @example remedyWith('coarserBucket', 'day') // → 'the time bucket setting at day'
 */
export function remedyWith(setting: 'coarserBucket' | 'coarserRes', value: string | number): string {
  return REMEDY_PHRASES[setting].replace(VALUE, String(value));
}

/** Each neutral phrase as a pattern (its text taken literally); a valued one captures its value, a word (a bucket unit, a resolution). */
const PATTERNS = (Object.keys(REMEDY_PHRASES) as RemedySetting[]).map((setting) => {
  const parts = REMEDY_PHRASES[setting].split(VALUE).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { setting, valued: parts.length > 1, pattern: new RegExp(parts.join('(\\w+)'), 'g') };
});

/**
 * `warning` with each neutral remedy phrase replaced by the shell's own `words`, a valued
 * phrase's value (`remedyWith`) put where the words say `{value}`.
 * @example wordRemedies('…; declare the zone with the time zone setting', { declareZone: 'declare it with --tz ZONE' }) // → '…; declare it with --tz ZONE'
 * @example wordRemedies('coarser that fits: the time bucket setting at day (…)', CLI_REMEDY_WORDS) // → 'coarser that fits: --bucket day (…)'
 */
export function wordRemedies(warning: string, words: RemedyWords): string {
  let out = warning;
  for (const { setting, valued, pattern } of PATTERNS)
    out = out.replace(pattern, (_match, value: unknown) => (valued ? words[setting].replace(VALUE, String(value)) : words[setting]));
  return out;
}
