import type { HygieneCheck } from './hygiene-check';

/**
 * The hygiene checklist as Markdown lines (a section of `reportMarkdown`): ✅ for a passed
 * item with its evidence, ❌ and **FAILED** with the reason for a failed one (Markdown has no
 * colour; the HTML report shows it in red). Text from the run (file and model names) has its
 * Markdown characters escaped.
 * @example hygieneMarkdown([{ id: 'enough-folds', label: 'Intervals from at least 5 folds', ok: false, reason: '3 folds' }])
 * // → ['## Hygiene checklist', '', …, '- ❌ **FAILED: Intervals from at least 5 folds** — 3 folds', '']
 */
export function hygieneMarkdown(checks: readonly HygieneCheck[] | undefined): string[] {
  const out = ['## Hygiene checklist', ''];
  if (!checks) return [...out, '_This report carries no hygiene checklist (made before report version 3)._', ''];
  const failed = checks.filter((c) => !c.ok).length;
  out.push(
    `Each item is checked by code on this run's data, not stated: ${failed === 0 ? 'every item passes.' : `**${failed} of ${checks.length} failed.**`}`,
    '',
  );
  for (const c of checks) out.push(c.ok ? `- ✅ ${c.label} — ${escapeMarkdown(c.reason)}` : `- ❌ **FAILED: ${c.label}** — ${escapeMarkdown(c.reason)}`);
  out.push('');
  return out;
}

/** Backslash-escapes the characters that Markdown would read as formatting. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}
