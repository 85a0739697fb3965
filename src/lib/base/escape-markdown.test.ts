import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownCodeSpan, markdownPath } from './escape-markdown';

describe('escapeMarkdown(text)', () => {
  it.each([
    ['an HTML payload in a file name', '"><img src=x onerror=alert(1)>.arrow', '"\\>\\<img src=x onerror=alert(1)\\>.arrow'],
    ['a javascript: link', '[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['an image', '![x](http://evil/x.png)', '\\!\\[x\\](http://evil/x.png)'],
    ['an HTML comment', '<!-- hidden -->', '\\<\\!-- hidden --\\>'],
    ['a script tag', '<script>window.__pwned=1</script>', '\\<script\\>window.\\_\\_pwned=1\\</script\\>'],
    ['backticks', 'a`b``c', 'a\\`b\\`\\`c'],
    ['emphasis, strikethrough, math and an entity', '**b** _i_ ~~s~~ $x$ &amp;', '\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\$x\\$ \\&amp;'],
    ['a table cell break and a new row', 'THEFT | x\n| injected |', 'THEFT \\| x \\| injected \\|'],
    ['CR, tab and line separator', 'a\r\nb\tc\u2028d', 'a  b c d'],
    ['a right-to-left override', 'invoice\u202efdp.exe', 'invoice⟨U+202E⟩fdp.exe'],
    ['an ANSI escape', 'A\u001b[31mB', 'A⟨U+001B⟩\\[31mB'],
    ['a backslash', 'C:\\data\\x', 'C:\\\\data\\\\x'],
    ['plain words and right-to-left letters', 'kde(window=8, rings=1) سرقة', 'kde(window=8, rings=1) سرقة'],
  ])('%s', (_, text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('leaves no line break, no unescaped markup character and no bidi control in any of 2,000 random strings', () => {
    const alphabet = '<>[]()!`*_~|&#$\\\n\r\t"\' a\u202e\u2066\u0000\u001b';
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = 0; i < 12; i++) text += alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length];
      const out = escapeMarkdown(text);
      // eslint-disable-next-line no-control-regex -- the controls must be gone
      expect(out).not.toMatch(/[\n\r\u202e\u2066\u0000\u001b]/);
      // Every markup character is preceded by an odd number of backslashes.
      for (const m of out.matchAll(/(\\*)([<>[\]`*_~|&#$!])/g)) expect(m[1].length % 2, JSON.stringify([text, out])).toBe(1);
    }
  });
});

describe('markdownCodeSpan(text)', () => {
  it.each([
    ['plain', 'abc', '`abc`'],
    ['a backtick inside', 'a`b', '``a`b``'],
    ['two backticks inside', 'a``b`c', '```a``b`c```'],
    ['a backtick at an end', '`x', '`` `x ``'],
    ['a newline and an override', 'a\nb\u202e', '`a b⟨U+202E⟩`'],
  ])('%s', (_, text, span) => {
    expect(markdownCodeSpan(text)).toBe(span);
  });
});

describe('markdownPath(path)', () => {
  it.each([
    ['spaces and parentheses', 'my report (1).capture.svg', 'my%20report%20%281%29.capture.svg'],
    ['a scheme', 'javascript:alert(1)', 'javascript%3Aalert%281%29'],
    ['markup', '"><img>.svg', '%22%3E%3Cimg%3E.svg'],
    ['folders kept', 'out/r.folds.svg', 'out/r.folds.svg'],
  ])('%s', (_, path, destination) => {
    expect(markdownPath(path)).toBe(destination);
  });
});
