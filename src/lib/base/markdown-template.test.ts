import { describe, expect, it } from 'vitest';
import { Markdown, joinMarkdown, mdText } from './markdown-template';

describe('mdText`…`', () => {
  it('escapes every substitution (strings, numbers, anything) and keeps the literal Markdown', () => {
    expect(mdText`**${'a*b'}** in ${'<x>'} (${42}, ${'[y](javascript:z)'})`.source).toBe('**a\\*b** in \\<x\\> (42, \\[y\\](javascript:z))');
  });

  it('inserts Markdown pieces as they are', () => {
    const bold = mdText`**${'n_1'}**`;
    expect(mdText`- ${bold}; ${new Markdown('`code`')}`.source).toBe('- **n\\_1**; `code`');
  });

  it('joinMarkdown escapes text items, keeps Markdown items and the separator', () => {
    expect(joinMarkdown(['a|b', mdText`*${'c'}*`, 3], ' | ').source).toBe('a\\|b | *c* | 3');
  });
});
