import { formatNumber, formatPercent } from '../base/format-number';
import { Markdown, joinMarkdown, mdText } from '../base/markdown-template';
import type { ReportExternal } from './external-report';
import { HOTSPOT_METRICS, METRICS } from './metric-catalogue';
import type { MetricSummary } from './summarise-scores';

/**
 * The report's "External forecasts" section as Markdown lines (every name, file name and value
 * read from a file escaped, through `mdText`): the honesty note, the folds
 * scored, each file (fingerprint, shape, kind and why, row accounting with examples, notes),
 * and for each flag-only forecast the table of every model scored on its flagged area.
 * @example externalMarkdown(report.external)[0] // → '## External forecasts'
 */
export function externalMarkdown(external: ReportExternal): (Markdown | '')[] {
  const out: (Markdown | '')[] = [mdText`## External forecasts`, '', mdText`**${external.note}**`, '', mdText`${external.folds.note}`, ''];
  for (const note of external.kindNotes) out.push(mdText`- ${note}`);
  if (external.kindNotes.length) out.push('');
  for (const file of external.files) {
    const { rows } = file;
    const dropped = Object.entries(rows.dropped).filter(([, n]) => n > 0);
    out.push(mdText`### ${file.name}: ${file.file}`, '');
    out.push(mdText`- SHA-256: ${new Markdown(`\`${/^[0-9a-f]*$/.test(file.sha256) ? file.sha256 : '?'}\``)} (${file.bytes.toLocaleString('en-US')} bytes)`);
    out.push(mdText`- Shape: ${file.shape} — ${file.shapeReason}`);
    out.push(mdText`- Kind: ${file.kind} (${file.kindReason})`);
    out.push(
      mdText`- Rows: ${rows.read.toLocaleString('en-US')} read = ${rows.used.toLocaleString('en-US')} used + ${(rows.read - rows.used).toLocaleString('en-US')} dropped${
        dropped.length ? ` (${dropped.map(([reason, n]) => `${reason}: ${n.toLocaleString('en-US')}`).join(', ')})` : ''
      }`,
    );
    for (const example of rows.examples) {
      out.push(
        mdText`  - row ${example.row}, ${example.reason}: ${Object.entries(example.values)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}`,
      );
    }
    for (const note of file.notes) out.push(mdText`- ${note}`);
    out.push('');
  }
  for (const flagged of external.flagged) {
    const key = String(flagged.areaFraction);
    out.push(mdText`### Scored on the flagged area of ${flagged.model}`, '');
    out.push(
      mdText`${flagged.model} flags ${formatNumber(flagged.cellsPerPeriod)} cells a period on average, ${formatPercent(flagged.areaFraction)} of the study region (${formatPercent(flagged.areaFractionRange[0])}–${formatPercent(flagged.areaFractionRange[1])}). Every model below is scored on exactly that area in each period: its top cells by forecast up to the flagged area.`,
      '',
    );
    out.push(
      mdText`| Model | ${HOTSPOT_METRICS.map((id) => METRICS[id].label).join(' | ')} |`,
      new Markdown(`|---|${HOTSPOT_METRICS.map(() => '---:').join('|')}|`),
    );
    for (const model of flagged.models) {
      const cells = HOTSPOT_METRICS.map((id) => {
        const s = (model.metrics[id] as Record<string, MetricSummary>)[key];
        const verdict = (model.comparisons[id] as Record<string, { verdict: string }>)[key].verdict;
        return mdText`${formatNumber(s.mean)}${verdict === 'is-baseline' ? ' ★' : ''} [${formatNumber(s.lo)}, ${formatNumber(s.hi)}]${new Markdown(verdict === 'better' || verdict === 'worse' ? ` **${verdict}**` : '')}`;
      });
      out.push(mdText`| ${model.name} (${model.kind}) | ${joinMarkdown(cells, ' | ')} |`);
    }
    out.push('');
  }
  return out;
}
