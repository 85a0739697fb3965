import { dirname, join } from 'node:path';
import { renderChartSvg, renderReportHtml } from '../app/report/render-report-html';
import type { Report } from '../lib/evaluate/report';
import { reportMarkdown } from '../lib/evaluate/report-markdown';
import type { LeakageLab } from '../lib/leakage/leakage-lab';
import { leakageMarkdown } from '../lib/leakage/leakage-markdown';
import { capturePlot } from '../lib/plots/capture-plot';
import { captureZoom, middleCoverage } from '../lib/plots/coverage-choices';
import { foldPlot } from '../lib/plots/fold-plot';
import type { StudyMap } from '../lib/plots/study-map';
import { CLI_REMEDY_WORDS } from './load-warnings';
import { chartNames } from './output-paths';
import { writeAllOrNothing, type OutputFile } from './write-all-or-nothing';

/**
 * The human renderings of a report as files to write: Markdown (with its two chart SVGs
 * beside it, named after it) and/or standalone HTML; both end with the leakage lab's section when
 * a lab run is given; the HTML carries the static map of the study region when `map` is given.
 * The load's warnings name their remedies as the CLI's flags (`CLI_REMEDY_WORDS`).
 */
export function renderingFiles(report: Report, paths: { md?: string; html?: string }, leakage?: LeakageLab, map?: StudyMap): OutputFile[] {
  const files: OutputFile[] = [];
  if (paths.md) {
    const { capture, folds } = chartNames(paths.md);
    const coverage = report.protocol.coverage;
    const middle = middleCoverage(coverage);
    const zoom = captureZoom(coverage);
    files.push({ path: join(dirname(paths.md), capture), data: renderChartSvg(capturePlot(report.models, { maxCoverage: zoom }), 'Capture curves') });
    files.push({ path: join(dirname(paths.md), folds), data: renderChartSvg(foldPlot(report, 'pai', middle), 'PAI per fold') });
    const markdown = reportMarkdown(report, { capture, folds }, CLI_REMEDY_WORDS);
    files.push({ path: paths.md, data: leakage ? `${markdown.trimEnd()}\n\n${leakageMarkdown(leakage)}\n` : markdown });
  }
  if (paths.html) files.push({ path: paths.html, data: renderReportHtml(report, leakage, map, CLI_REMEDY_WORDS) });
  return files;
}

/** Writes the renderings of a report, all or none (`writeAllOrNothing`); returns the report paths written. */
export async function writeRenderings(report: Report, paths: { md?: string; html?: string }): Promise<string[]> {
  await writeAllOrNothing(renderingFiles(report, paths));
  return [paths.md, paths.html].filter((p): p is string => p !== undefined);
}
