/**
 * Makes untrusted text safe in HTML element content and in a double- or single-quoted
 * attribute value: `&` `<` `>` `"` `'` become character references, so the text can neither
 * open a tag or comment nor end the attribute it is in. Not for unquoted attributes, URLs
 * (`href`, `src`: check the scheme instead), `<script>` or `<style>` content. Svelte escapes
 * `{text}` and `{attribute}` the same way; this is for the few strings built by hand.
 * @example escapeHtml(`"><img src=x onerror='alert(1)'>`) // → '&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_REFERENCES[ch]!);
}

const HTML_REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
