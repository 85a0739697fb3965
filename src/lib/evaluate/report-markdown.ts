import { formatNumber, formatPercent, formatSkill } from '../base/format-number';
import { clockLabel, reportZoneDeclared } from './clock-label';
import { fitToPanelLines } from './fit-to-panel';
import { hygieneMarkdown } from './hygiene-markdown';
import { COUNT_METRICS, HOTSPOT_METRICS, METRICS, coverageKey, type HotspotMetricId, type MetricId } from './metric-catalogue';
import type { Report } from './report';
import type { Comparison, MetricSummary } from './summarise-scores';
import { tieRangeText, type TieRange } from './tie-range';

/** Chart images to link from the Markdown (paths relative to the Markdown file). */
export interface MarkdownCharts {
  readonly capture?: string;
  readonly folds?: string;
}

/**
 * Renders a report as Markdown for people: the verdict, tables of models × metrics with
 * intervals (★ = best baseline, skill in %), links to chart SVGs, the data accounting, the
 * panel and protocol, and what each metric means. Same content as the HTML report.
 */
export function reportMarkdown(report: Report, charts: MarkdownCharts = {}): string {
  const out: string[] = [];
  const files = report.data.files.map((f) => f.name).join(', ') || 'a pre-binned panel';
  out.push('# Hexcast backtest report', '');
  out.push(
    `${report.models.length} models on ${files}: ${report.cutoffs.length} rolling-origin folds, horizon ${report.protocol.horizon} ${report.panel.bucket}(s), ` +
      `H3 resolution ${report.panel.resolution}. Created ${report.createdAt}.`,
    '',
  );
  const leftOut = report.fitToPanel?.leftOut ?? [];
  if (leftOut.length)
    out.push(`${leftOut.length} model${leftOut.length === 1 ? '' : 's'} left out (cannot run on this panel): ${leftOut.map((m) => m.model).join(', ')}.`, '');
  out.push('## Verdict', '', `**${report.summary.headline}**`, '');
  for (const line of report.summary.models) out.push(`- ${line.text}`);
  for (const caveat of report.summary.caveats) out.push('', `_${caveat}_`);
  out.push('');
  out.push(...hygieneMarkdown(report.hygiene));

  const cell = (summary: MetricSummary, comparison: Comparison, range?: TieRange): string => {
    const star = comparison.verdict === 'is-baseline' ? ' ★' : '';
    const skill =
      comparison.verdict !== 'is-baseline' && Number.isFinite(comparison.skill)
        ? ` ${comparison.verdict === 'better' || comparison.verdict === 'worse' ? `**${formatSkill(comparison.skill)}**` : formatSkill(comparison.skill)}`
        : '';
    const ties = tieRangeText(range);
    return `${formatNumber(summary.mean)}${star} [${formatNumber(summary.lo)}, ${formatNumber(summary.hi)}]${skill}${ties ? ` (${ties})` : ''}`;
  };
  const table = (columns: { id: MetricId; key?: string; title: string }[]): void => {
    out.push(`| Model | ${columns.map((c) => c.title).join(' | ')} |`);
    out.push(`|---|${columns.map(() => '---:').join('|')}|`);
    for (const model of report.models) {
      const cells = columns.map((c) => {
        const summary = (c.key === undefined ? model.metrics[c.id] : (model.metrics[c.id] as Record<string, MetricSummary>)[c.key]) as MetricSummary;
        const comparison = (c.key === undefined ? model.comparisons[c.id] : (model.comparisons[c.id] as Record<string, Comparison>)[c.key]) as Comparison;
        return cell(summary, comparison, c.key === undefined ? undefined : model.tieRange[c.id as HotspotMetricId][c.key]);
      });
      out.push(`| ${model.name} (${model.kind}) | ${cells.join(' | ')} |`);
    }
    out.push('');
  };
  out.push('## Hotspot metrics', '');
  table(
    HOTSPOT_METRICS.flatMap((id) => report.protocol.coverage.map((c) => ({ id, key: coverageKey(c), title: `${METRICS[id].label} @ ${formatPercent(c)}` }))),
  );
  out.push(
    `${report.hotspotRule} "ties a–b" after a score: the same mean with the tied cells at the boundary taken worst-first / best-first, ` +
      'shown wherever the ties move the printed digits.',
    '',
  );
  out.push('## Count metrics', '');
  table(COUNT_METRICS.map((id) => ({ id, title: METRICS[id].label })));
  out.push(
    'Mean over folds, [95 % block-bootstrap interval over folds]. ★ = best baseline on that metric. Percentages are skill against it ' +
      '(positive = better); **bold** when the fold interval of the difference excludes zero.',
    '',
  );
  if (charts.capture) out.push('## Capture curves', '', `![Capture curves: hit rate against share of area flagged](${charts.capture})`, '');
  if (charts.folds) out.push('## Stability over folds', '', `![A metric per fold for every model](${charts.folds})`, '');

  const rows = report.data.rows;
  const dropped = Object.entries(rows.dropped).filter(([, n]) => n > 0);
  out.push('## Data', '');
  out.push(
    `- Files: ${report.data.files.map((f) => `${f.name} (${f.rows.toLocaleString('en-US')} rows, ${f.bytes.toLocaleString('en-US')} bytes)`).join('; ') || '–'}`,
  );
  out.push(`- SHA-256: \`${report.data.sha256}\``);
  out.push(
    `- Rows: ${rows.read.toLocaleString('en-US')} read = ${rows.kept.toLocaleString('en-US')} kept + ${(rows.read - rows.kept).toLocaleString('en-US')} dropped` +
      (dropped.length ? ` (${dropped.map(([reason, n]) => `${reason}: ${n.toLocaleString('en-US')}`).join(', ')})` : ''),
  );
  if (report.data.binning) {
    const b = report.data.binning;
    out.push(
      `- Binning: ${b.binned.toLocaleString('en-US')} of ${b.input.toLocaleString('en-US')} incidents binned; ${(b.trimmedFirst + b.trimmedLast).toLocaleString('en-US')} in partial first/last buckets left out`,
    );
    for (const note of b.notes) out.push(`  - ${note}`);
  }
  const p = report.panel;
  out.push('', '## Panel and protocol', '');
  out.push(
    `- Panel: ${p.cells.toLocaleString('en-US')} cells × ${p.periods.toLocaleString('en-US')} ${p.bucket} periods from ${p.firstPeriod} to ${p.end} (${clockLabel(p.clock, p.timeZone, reportZoneDeclared(report))}); ${p.incidents.toLocaleString('en-US')} incidents`,
  );
  out.push(
    `- Study region: ${p.studyRegion.cells.toLocaleString('en-US')} cells, ${formatNumber(p.studyRegion.area_m2 / 1e6, 4)} km² (${p.studyRegion.source})`,
  );
  const pr = report.protocol;
  out.push(
    `- Protocol: horizon ${pr.horizon}, ${pr.folds} folds, step ${pr.step}, ${pr.window === 'expanding' ? 'expanding window' : `sliding window ${pr.window}`}, ` +
      `refit every ${pr.refitEvery}, validation ${pr.validation} periods, coverage ${pr.coverage.map((c) => formatPercent(c)).join(', ')}, seed ${pr.seed}`,
  );
  out.push(`- Test spans: ${report.cutoffs[0]?.testStart} … ${report.cutoffs[report.cutoffs.length - 1]?.testEnd}`);
  if (report.fitToPanel) {
    out.push(`- Fitted to the panel (settings left at auto; models that cannot run on it):`);
    for (const line of fitToPanelLines(report.fitToPanel)) out.push(`  - ${line}`);
  }
  out.push('', '## How to read the metrics', '');
  for (const id of Object.keys(METRICS) as MetricId[]) out.push(`- **${METRICS[id].label}**: ${METRICS[id].meaning} (${METRICS[id].better} is better).`);
  out.push(
    '',
    `_Hexcast ${report.environment.hexcast} on ${report.environment.runtime}; ${Object.entries(report.environment.libraries)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}._`,
    '',
  );
  return out.join('\n');
}
