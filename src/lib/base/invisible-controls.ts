/**
 * Characters that change how text around them is shown without being seen themselves: C0 and
 * C1 control characters (escape sequences in a terminal), DEL, and the bidirectional
 * formatting characters (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) that reorder
 * the text after them, so that `invoice\u202Efdp.exe` reads as "invoiceexe.pdf" (Boucher &
 * Anderson 2021, "Trojan Source", CVE-2021-42574). Line breaks and tabs are included; each
 * rendering decides what to make of them. Right-to-left letters themselves are not controls
 * and are left alone.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const INVISIBLE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The code point of a character as U+XXXX (at least four hex digits), the way Unicode charts name it.
 * @example codePointName('\u202e') // → 'U+202E'
 */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
