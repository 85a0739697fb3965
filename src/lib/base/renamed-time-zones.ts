/**
 * IANA zones renamed in a tz release, as [old name, new name] (the old one kept as a link in the
 * 'backward' file). A runtime's zone list names one or the other, as its ICU release does: Node
 * 20 lists Europe/Kiev, newer browsers Europe/Kyiv. Cities merged into another zone's (Uzhgorod,
 * Zaporozhye into Kyiv) and links to a different city (Asia/Chungking → Shanghai) are left out:
 * a suggestion names the place typed, under its other spelling.
 */
export const RENAMED_TIME_ZONES: readonly (readonly [string, string])[] = [
  ['Africa/Asmera', 'Africa/Asmara'],
  ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ['America/Catamarca', 'America/Argentina/Catamarca'],
  ['America/Cordoba', 'America/Argentina/Cordoba'],
  ['America/Godthab', 'America/Nuuk'],
  ['America/Indianapolis', 'America/Indiana/Indianapolis'],
  ['America/Jujuy', 'America/Argentina/Jujuy'],
  ['America/Louisville', 'America/Kentucky/Louisville'],
  ['America/Mendoza', 'America/Argentina/Mendoza'],
  ['Asia/Ashkhabad', 'Asia/Ashgabat'],
  ['Asia/Calcutta', 'Asia/Kolkata'],
  ['Asia/Dacca', 'Asia/Dhaka'],
  ['Asia/Katmandu', 'Asia/Kathmandu'],
  ['Asia/Macao', 'Asia/Macau'],
  ['Asia/Rangoon', 'Asia/Yangon'],
  ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
  ['Asia/Thimbu', 'Asia/Thimphu'],
  ['Asia/Ujung_Pandang', 'Asia/Makassar'],
  ['Asia/Ulan_Bator', 'Asia/Ulaanbaatar'],
  ['Atlantic/Faeroe', 'Atlantic/Faroe'],
  ['Europe/Kiev', 'Europe/Kyiv'],
  ['Pacific/Enderbury', 'Pacific/Kanton'],
  ['Pacific/Ponape', 'Pacific/Pohnpei'],
  ['Pacific/Truk', 'Pacific/Chuuk'],
];

/**
 * For each zone of `zones`, its other name of a rename (`RENAMED_TIME_ZONES`, either way) when
 * `zones` does not list that name itself: the names a suggestion may match for it.
 * @example otherZoneNames(['Europe/Kyiv', 'UTC']).get('Europe/Kyiv') // → ['Europe/Kiev']
 */
export function otherZoneNames(zones: readonly string[]): Map<string, string[]> {
  const listed = new Set(zones);
  const other = new Map<string, string[]>();
  for (const [old, current] of RENAMED_TIME_ZONES) {
    if (listed.has(current) && !listed.has(old)) other.set(current, [...(other.get(current) ?? []), old]);
    if (listed.has(old) && !listed.has(current)) other.set(old, [...(other.get(old) ?? []), current]);
  }
  return other;
}

/**
 * `zones` with one name kept of each rename (`RENAMED_TIME_ZONES`) both of whose names it holds:
 * the one with `segments` path segments (as many as the text the zones were found for) when the
 * other has not, else the current name; order kept.
 * @example oneNamePerRename(['America/Argentina/Buenos_Aires', 'America/Buenos_Aires'], 1) // → ['America/Argentina/Buenos_Aires']
 * @example oneNamePerRename(['America/Argentina/Buenos_Aires', 'America/Buenos_Aires'], 2) // → ['America/Buenos_Aires']
 */
export function oneNamePerRename(zones: readonly string[], segments: number): string[] {
  const held = new Set(zones);
  const dropped = new Set<string>();
  for (const [old, current] of RENAMED_TIME_ZONES) {
    if (!held.has(old) || !held.has(current)) continue;
    const oldFits = old.split('/').length === segments && current.split('/').length !== segments;
    dropped.add(oldFits ? current : old);
  }
  return zones.filter((zone) => !dropped.has(zone));
}
