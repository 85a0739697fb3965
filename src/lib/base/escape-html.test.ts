import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml(text)', () => {
  it.each([
    ['an attribute breaker and a tag', `"><img src=x onerror='alert(1)'>`, '&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;'],
    ['a script and a comment', '<script>x</script><!--', '&lt;script&gt;x&lt;/script&gt;&lt;!--'],
    ['an entity stays text', '&amp; &#60;', '&amp;amp; &amp;#60;'],
    ['plain text and letters', 'THEFT — سرقة', 'THEFT — سرقة'],
  ])('%s', (_, text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});
