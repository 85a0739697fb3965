import { describe, expect, it } from 'vitest';
import { escapeTerminal } from './escape-terminal';

describe('escapeTerminal(text)', () => {
  it.each([
    ['a colour and a screen clear', 'THEFT\u001b[31m\u001b[2J', 'THEFT\\x1b[31m\\x1b[2J'],
    ['an OSC 8 hyperlink', '\u001b]8;;http://evil\u0007x\u001b]8;;\u0007', '\\x1b]8;;http://evil\\x07x\\x1b]8;;\\x07'],
    ['line breaks and a tab', 'a\nb\r\tc', 'a\\nb\\r\\tc'],
    ['a C1 control and DEL', 'a\u009bb\u007f', 'a\\x9bb\\x7f'],
    ['a right-to-left override and isolate', 'invoice\u202efdp\u2066.exe', 'invoice\\u202efdp\\u2066.exe'],
    ['plain text, markup and right-to-left letters', '<b>x</b> سرقة', '<b>x</b> سرقة'],
  ])('%s', (_, text, escaped) => {
    expect(escapeTerminal(text)).toBe(escaped);
  });
});
