import { INVISIBLE_CONTROLS } from './invisible-controls';

/**
 * Makes one line of untrusted text (a file, column or category name, an error message that
 * quotes one) safe to print to a terminal: every control character, the escape that starts
 * ANSI sequences (colours, cursor moves, window titles, OSC 8 links) included, and every
 * bidirectional formatting character is written as a JavaScript escape (`\x1b`, `\n`,
 * `\u202e`), so the text cannot move the cursor, rewrite earlier output or reorder itself.
 * @example escapeTerminal('THEFT\x1b[2J') // → 'THEFT\\x1b[2J'
 */
export function escapeTerminal(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, (ch) => {
    const named = TERMINAL_NAMES[ch];
    if (named) return named;
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const TERMINAL_NAMES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
