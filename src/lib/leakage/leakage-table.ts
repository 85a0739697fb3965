import { formatNumber } from '../base/format-number';
import type { LeakageLab } from './leakage-lab';
import { inflationText, metricTitle } from './leakage-text';

/**
 * The lab as a plain-text table for a terminal: per mistake a heading with what it does, then one
 * line per model and metric — honest value, leaky value, inflation with its 95 % interval over
 * folds and the relative change (positive = the leak flatters the metric). `metrics` limits the
 * metric ids shown (default all).
 * @example leakageTable(lab).join('\n') // → 'Random split of periods — each test span is forecast …\n  model  metric  honest  leaky  inflation …'
 */
export function leakageTable(lab: LeakageLab, metrics?: readonly string[]): string[] {
  const out: string[] = [];
  for (const mistake of lab.mistakes) {
    out.push(`${mistake.title} — ${mistake.mistake}.`);
    if (mistake.skipped) {
      out.push(`  not run: ${mistake.skipped}`, '');
      continue;
    }
    const rows = mistake.rows.filter((r) => !metrics || metrics.includes(r.metric));
    const cells = rows.map((r) => [r.model, metricTitle(r), formatNumber(r.honest.mean), formatNumber(r.leaky.mean), inflationText(r)]);
    const header = ['model', 'metric', 'honest', 'leaky', 'inflation [95 % interval] (relative)'];
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]): string => `  ${c.map((x, i) => (i < 2 ? x.padEnd(widths[i]) : i < 4 ? x.padStart(widths[i]) : x)).join('  ')}`.trimEnd();
    out.push(line(header), ...cells.map(line));
    for (const r of rows) if (r.note) out.push(`  (${r.model}, ${metricTitle(r)}: ${r.note})`);
    out.push('');
  }
  return out;
}
