import { Markdown, mdText } from '../base/markdown-template';
import type { HygieneCheck } from './hygiene-check';

/**
 * The hygiene checklist as Markdown lines (a section of `reportMarkdown`): ✅ for a passed
 * item with its evidence, ❌ and **FAILED** with the reason for a failed one (Markdown has no
 * colour; the HTML report shows it in red). Text from the run (file and model names) is escaped
 * through `mdText`.
 * @example hygieneMarkdown([{ id: 'enough-folds', label: 'Intervals from at least 5 folds', ok: false, reason: '3 folds' }])
 * // → [## Hygiene checklist, '', …, - ❌ **FAILED: Intervals from at least 5 folds** — 3 folds, ''] (as Markdown)
 */
export function hygieneMarkdown(checks: readonly HygieneCheck[] | undefined): (Markdown | '')[] {
  const out: (Markdown | '')[] = [mdText`## Hygiene checklist`, ''];
  if (!checks) return [...out, mdText`${new Markdown('_')}This report carries no hygiene checklist (made before report version 3).${new Markdown('_')}`, ''];
  const failed = checks.filter((c) => !c.ok).length;
  out.push(
    mdText`Each item is checked by code on this run's data, not stated: ${failed === 0 ? 'every item passes.' : mdText`**${failed} of ${checks.length} failed.**`}`,
    '',
  );
  for (const c of checks) out.push(c.ok ? mdText`- ✅ ${c.label} — ${c.reason}` : mdText`- ❌ **FAILED: ${c.label}** — ${c.reason}`);
  out.push('');
  return out;
}
