import type { Report } from '../src/lib/evaluate/report';
import type { Comparison, MetricSummary } from '../src/lib/evaluate/summarise-scores';
import { formatNumber } from '../src/lib/base/format-number';
import { markdownCodeSpan } from '../src/lib/base/escape-markdown';
import { Markdown, joinMarkdown } from '../src/lib/base/markdown-template';

/**
 * The README's comparison table of a report: Poisson deviance, Brier, PAI and PEI* at 5 %
 * (mean [95 % interval], ★ best baseline, ▲/▼ beyond the interval) and time per fold. The model
 * column is Markdown (a code span); every other cell is text.
 */
export function modelTable(report: Report): { header: string[]; rows: (string | Markdown)[][] } {
  const cell = (s: MetricSummary, c: Comparison): string =>
    `${formatNumber(s.mean)} [${formatNumber(s.lo)}, ${formatNumber(s.hi)}]${c.verdict === 'is-baseline' ? ' ★' : c.verdict === 'better' ? ' ▲' : c.verdict === 'worse' ? ' ▼' : ''}`;
  return {
    header: ['Model', 'Poisson deviance', 'Brier', 'PAI @ 5 %', 'PEI* @ 5 %', 'Time per fold'],
    rows: report.models.map((m) => {
      const seconds = (m.timing.fitMs + m.timing.predictMs) / report.cutoffs.length / 1000;
      return [
        new Markdown(markdownCodeSpan(m.name)),
        cell(m.metrics.poissonDeviance, m.comparisons.poissonDeviance),
        cell(m.metrics.brier, m.comparisons.brier),
        cell(m.metrics.pai['0.05'], m.comparisons.pai['0.05']),
        cell(m.metrics.pei['0.05'], m.comparisons.pei['0.05']),
        seconds < 0.01 ? '< 0.01 s' : `${seconds.toFixed(2)} s`,
      ];
    }),
  };
}

/** The table as Markdown lines. */
export function modelTableMarkdown(report: Report): string {
  const { header, rows } = modelTable(report);
  return [
    `| ${joinMarkdown(header, ' | ')} |`,
    `|---|${header
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
    ...rows.map((r) => `| ${joinMarkdown(r, ' | ')} |`),
  ].join('\n');
}
