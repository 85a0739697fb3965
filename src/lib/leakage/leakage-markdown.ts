import { escapeMarkdown } from '../base/escape-markdown';
import { formatNumber } from '../base/format-number';
import { METRICS } from '../evaluate/metric-catalogue';
import type { LeakageLab } from './leakage-lab';
import { inflationSign, inflationText, metricTitle } from './leakage-text';

/**
 * The leakage lab as a Markdown section: what was compared, then per mistake what it does, where
 * it is seen, which models it touches and a table of model × metric with the honest value, the
 * leaky value and the inflation with its 95 % block-bootstrap interval over folds — **bold**
 * where the whole interval says the leak flatters the metric. Text from the data (file and model
 * names) has its Markdown characters escaped. `level` is the heading level of the section (2
 * in a file of its own, 3 inside a report).
 */
export function leakageMarkdown(lab: LeakageLab, level = 2): string {
  const h = '#'.repeat(level);
  const out: string[] = [`${h} Leakage exposed, side by side`, ''];
  const files = lab.data.files.map((f) => escapeMarkdown(f.name)).join(', ') || 'a pre-binned panel';
  out.push(
    `The honest protocol (rolling origin, ${lab.protocol.folds} folds, horizon ${lab.protocol.horizon} ${lab.panel.bucket}(s), H3 resolution ${lab.panel.resolution}, ` +
      `study region of ${lab.studyRegion.cells} cells from ${lab.studyRegion.source === 'boundary' ? 'a declared boundary' : 'the data before the first cutoff'}) ` +
      `next to six common mistakes on the same data (${files}) and models. Inflation = how much better the metric looks with the mistake, fold by fold ` +
      '(lower-is-better metrics: honest − leaky), mean over folds with its 95 % block-bootstrap interval; **bold** where the whole interval is above 0. ' +
      'A negative inflation means the mistake makes the metric look worse — it still changes what is measured.',
    '',
  );
  for (const mistake of lab.mistakes) {
    out.push(
      `${h}# ${mistake.title}`,
      '',
      `**Mistake:** ${mistake.mistake}. **Seen in:** ${mistake.seenIn}. **Models:** ${escapeMarkdown(mistake.appliesTo)}.`,
      '',
    );
    if (mistake.skipped) {
      out.push(`_Not run on this panel: ${mistake.skipped}._`, '');
      continue;
    }
    out.push('| Model | Metric | Honest | Leaky | Inflation [95 % interval] |', '|---|---|---:|---:|---:|');
    for (const row of mistake.rows) {
      const text = inflationText(row);
      const arrow = METRICS[row.metric].better === 'lower' ? '↓' : '↑';
      out.push(
        `| ${escapeMarkdown(row.model)} | ${metricTitle(row)} ${arrow} | ${formatNumber(row.honest.mean)} | ${formatNumber(row.leaky.mean)} | ${inflationSign(row) === 'up' ? `**${text}**` : text} |`,
      );
    }
    const notes = mistake.rows.filter((r) => r.note).map((r) => `- ${escapeMarkdown(r.model)}, ${metricTitle(r)}: ${r.note}`);
    if (notes.length) out.push('', ...notes);
    out.push('');
  }
  return out.join('\n');
}
