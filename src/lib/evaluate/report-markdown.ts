import { modelKindLabel, originText } from './origin-text';
import { markdownCodeSpan, markdownPath } from '../base/escape-markdown';
import { formatNumber, formatPercent, formatSkill } from '../base/format-number';
import { Markdown, joinMarkdown, mdText } from '../base/markdown-template';
import { clockLabel, reportZoneDeclared } from './clock-label';
import { externalMarkdown } from './external-markdown';
import { exposureMarkdown } from './exposure/exposure-markdown';
import { fitToPanelLines } from './fit-to-panel';
import { hygieneMarkdown } from './hygiene-markdown';
import { reportWarnings, type RemedyWords } from './report-warnings';
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
 *
 * Every value from the report is text, escaped by the `mdText` template (`escapeMarkdown`): file,
 * column and category names reach it from the user's files, and `hexcast report` renders any
 * JSON it is given, so no string and no "number" in it may become Markdown or HTML.
 *
 * The load's warnings (`report.data.warnings`) name their remedies in `remedies`, the rendering
 * shell's own controls (the CLI's flags, the app's fields); by default the neutral phrases.
 */
export function reportMarkdown(report: Report, charts: MarkdownCharts = {}, remedies?: RemedyWords): string {
  const out: (Markdown | '')[] = [];
  const count = (x: number): string => Number(x).toLocaleString('en-US');
  const files = report.data.files.map((f) => f.name).join(', ') || 'a pre-binned panel';
  out.push(mdText`# Hexcast backtest report`, '');
  out.push(
    mdText`${report.models.length} models on ${files}: ${report.cutoffs.length} rolling-origin folds, horizon ${report.protocol.horizon} ${report.panel.bucket}(s), H3 resolution ${report.panel.resolution}. Created ${report.createdAt}.`,
    '',
  );
  const leftOut = report.fitToPanel?.leftOut ?? [];
  if (leftOut.length)
    out.push(
      mdText`${leftOut.length} model${leftOut.length === 1 ? '' : 's'} left out (cannot run on this panel): ${leftOut.map((m) => m.model).join(', ')}.`,
      '',
    );
  const outside = report.models.filter((m) => m.origin);
  if (outside.length) {
    out.push(mdText`Models from outside Hexcast:`, '');
    for (const m of outside) out.push(mdText`- ${new Markdown(markdownCodeSpan(m.name))}: ${originText(m.origin!)}`);
    out.push('');
  }
  out.push(mdText`## Verdict`, '', mdText`**${report.summary.headline}**`, '');
  for (const line of report.summary.models) out.push(mdText`- ${line.text}`);
  for (const caveat of report.summary.caveats) out.push('', mdText`_${caveat}_`);
  out.push('');
  out.push(...hygieneMarkdown(report.hygiene));

  const cell = (summary: MetricSummary, comparison: Comparison, range?: TieRange): Markdown => {
    const star = comparison.verdict === 'is-baseline' ? ' ★' : '';
    const skill =
      comparison.verdict !== 'is-baseline' && Number.isFinite(comparison.skill)
        ? comparison.verdict === 'better' || comparison.verdict === 'worse'
          ? mdText` **${formatSkill(comparison.skill)}**`
          : mdText` ${formatSkill(comparison.skill)}`
        : '';
    const ties = tieRangeText(range);
    return mdText`${formatNumber(summary.mean)}${star} [${formatNumber(summary.lo)}, ${formatNumber(summary.hi)}]${skill}${ties ? ` (${ties})` : ''}`;
  };
  const table = (columns: { id: MetricId; key?: string; title: string }[]): void => {
    out.push(
      mdText`| Model | ${joinMarkdown(
        columns.map((c) => c.title),
        ' | ',
      )} |`,
    );
    out.push(mdText`|---|${new Markdown(columns.map(() => '---:').join('|'))}|`);
    for (const model of report.models) {
      const cells = columns.map((c) => {
        const summary = (c.key === undefined ? model.metrics[c.id] : (model.metrics[c.id] as Record<string, MetricSummary>)[c.key]) as MetricSummary;
        const comparison = (c.key === undefined ? model.comparisons[c.id] : (model.comparisons[c.id] as Record<string, Comparison>)[c.key]) as Comparison;
        return cell(summary, comparison, c.key === undefined ? undefined : model.tieRange[c.id as HotspotMetricId][c.key]);
      });
      out.push(mdText`| ${model.name} (${modelKindLabel(model)}) | ${joinMarkdown(cells, ' | ')} |`);
    }
    out.push('');
  };
  out.push(mdText`## Hotspot metrics`, '');
  table(
    HOTSPOT_METRICS.flatMap((id) => report.protocol.coverage.map((c) => ({ id, key: coverageKey(c), title: `${METRICS[id].label} @ ${formatPercent(c)}` }))),
  );
  out.push(
    mdText`${report.hotspotRule} "ties a–b" after a score: the same mean with the tied cells at the boundary taken worst-first / best-first, shown wherever the ties move the printed digits.`,
    '',
  );
  out.push(mdText`## Count metrics`, '');
  table(COUNT_METRICS.map((id) => ({ id, title: METRICS[id].label })));
  out.push(
    mdText`Mean over folds, [95 % block-bootstrap interval over folds]. ★ = best baseline on that metric. Percentages are skill against it (positive = better); **bold** when the fold interval of the difference excludes zero.`,
    '',
  );
  if (report.external) out.push(...externalMarkdown(report.external));
  if (report.exposure) out.push(...exposureMarkdown(report.exposure));
  const image = (alt: string, path: string): Markdown => mdText`![${alt}](${new Markdown(markdownPath(path))})`;
  if (charts.capture) out.push(mdText`## Capture curves`, '', image('Capture curves: hit rate against share of area flagged', charts.capture), '');
  if (charts.folds) out.push(mdText`## Stability over folds`, '', image('A metric per fold for every model', charts.folds), '');

  const rows = report.data.rows;
  const dropped = Object.entries(rows.dropped).filter(([, n]) => n > 0);
  out.push(mdText`## Data`, '');
  out.push(mdText`- Files: ${report.data.files.map((f) => `${f.name} (${count(f.rows)} rows, ${count(f.bytes)} bytes)`).join('; ') || '–'}`);
  out.push(mdText`- SHA-256: ${new Markdown(markdownCodeSpan(String(report.data.sha256)))}`);
  out.push(
    mdText`- Rows: ${count(rows.read)} read = ${count(rows.kept)} kept + ${count(rows.read - rows.kept)} dropped${
      dropped.length ? ` (${dropped.map(([reason, n]) => `${reason}: ${count(n)}`).join(', ')})` : ''
    }`,
  );
  if (report.data.binning) {
    const b = report.data.binning;
    out.push(
      mdText`- Binning: ${count(b.binned)} of ${count(b.input)} incidents binned; ${count(b.trimmedFirst + b.trimmedLast)} in partial first/last buckets left out`,
    );
    for (const note of b.notes) out.push(mdText`  - ${note}`);
  }
  for (const warning of reportWarnings(report, remedies)) out.push(mdText`- Warning: ${warning}`);
  const p = report.panel;
  out.push('', mdText`## Panel and protocol`, '');
  out.push(
    mdText`- Panel: ${count(p.cells)} cells × ${count(p.periods)} ${p.bucket} periods from ${p.firstPeriod} to ${p.end} (${clockLabel(p.clock, p.timeZone, reportZoneDeclared(report))}); ${count(p.incidents)} incidents`,
  );
  out.push(mdText`- Study region: ${count(p.studyRegion.cells)} cells, ${formatNumber(p.studyRegion.area_m2 / 1e6, 4)} km² (${p.studyRegion.source})`);
  const pr = report.protocol;
  out.push(
    mdText`- Protocol: horizon ${pr.horizon}, ${pr.folds} folds, step ${pr.step}, ${pr.window === 'expanding' ? 'expanding window' : `sliding window ${pr.window}`}, refit every ${pr.refitEvery}, validation ${pr.validation} periods, coverage ${pr.coverage.map((c) => formatPercent(c)).join(', ')}, seed ${pr.seed}`,
  );
  out.push(mdText`- Test spans: ${report.cutoffs[0]?.testStart} … ${report.cutoffs[report.cutoffs.length - 1]?.testEnd}`);
  if (report.fitToPanel) {
    out.push(mdText`- Fitted to the panel (settings left at auto; models that cannot run on it):`);
    for (const line of fitToPanelLines(report.fitToPanel)) out.push(mdText`  - ${line}`);
  }
  out.push('', mdText`## How to read the metrics`, '');
  for (const id of Object.keys(METRICS) as MetricId[]) out.push(mdText`- **${METRICS[id].label}**: ${METRICS[id].meaning} (${METRICS[id].better} is better).`);
  out.push(
    '',
    mdText`_Hexcast ${report.environment.hexcast} on ${report.environment.runtime}; ${Object.entries(report.environment.libraries)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}._`,
    '',
  );
  return out.join('\n');
}
