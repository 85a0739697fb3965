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
} as const;

/** A setting a load warning's remedy points to. */
export type RemedySetting = keyof typeof REMEDY_PHRASES;

/** How a shell words each remedy: the whole phrase that replaces the neutral one. */
export type RemedyWords = Readonly<Record<RemedySetting, string>>;

/**
 * `warning` with each neutral remedy phrase replaced by the shell's own `words`.
 * @example wordRemedies('…; declare the zone with the time zone setting', { declareZone: 'declare it with --tz ZONE' }) // → '…; declare it with --tz ZONE'
 */
export function wordRemedies(warning: string, words: RemedyWords): string {
  let out = warning;
  for (const setting of Object.keys(REMEDY_PHRASES) as RemedySetting[]) out = out.split(REMEDY_PHRASES[setting]).join(words[setting]);
  return out;
}
