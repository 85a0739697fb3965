import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { renderChartSvg, renderReportHtml } from '../app/report/render-report-html';
import type { Report } from '../lib/evaluate/report';
import { reportMarkdown } from '../lib/evaluate/report-markdown';
import { capturePlot } from '../lib/plots/capture-plot';
import { captureZoom, middleCoverage } from '../lib/plots/coverage-choices';
import { foldPlot } from '../lib/plots/fold-plot';

/**
 * Writes the human renderings of a report: Markdown (with its two chart SVGs beside it,
 * named after it) and/or standalone HTML. Returns the paths written.
 */
export async function writeRenderings(report: Report, paths: { md?: string; html?: string }): Promise<string[]> {
  const written: string[] = [];
  if (paths.md) {
    const stem = basename(paths.md, extname(paths.md));
    const capture = `${stem}.capture.svg`;
    const folds = `${stem}.folds.svg`;
    const coverage = report.protocol.coverage;
    const middle = middleCoverage(coverage);
    const zoom = captureZoom(coverage);
    await writeFile(join(dirname(paths.md), capture), renderChartSvg(capturePlot(report.models, { maxCoverage: zoom }), 'Capture curves'));
    await writeFile(join(dirname(paths.md), folds), renderChartSvg(foldPlot(report, 'pai', middle), 'PAI per fold'));
    await writeFile(paths.md, reportMarkdown(report, { capture, folds }));
    written.push(paths.md);
  }
  if (paths.html) {
    await writeFile(paths.html, renderReportHtml(report));
    written.push(paths.html);
  }
  return written;
}
