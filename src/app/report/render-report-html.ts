import { render } from 'svelte/server';
import type { Report } from '../../lib/evaluate/report';
import type { LeakageLab } from '../../lib/leakage/leakage-lab';
import ReportDocument from './ReportDocument.svelte';
import LineChart from './LineChart.svelte';
import type { LinePlot } from '../../lib/plots/line-plot';
import { standaloneHtml } from './standalone-html';
import type { StudyMap } from '../../lib/plots/study-map';
import type { RemedyWords } from '../../lib/evaluate/report-warnings';

/**
 * Renders the report as a standalone HTML file with Svelte's server renderer, from the same
 * components the app shows, with the leakage lab's section when a lab run is given and the static
 * map of the study region and its hotspots when `map` is given (`studyMap`). The load's warnings
 * name their remedies in `remedies`, the rendering shell's controls (default: the neutral phrases).
 * Runs in Node (the CLI registers a loader for .svelte files).
 */
export function renderReportHtml(report: Report, leakage?: LeakageLab, map?: StudyMap, remedies?: RemedyWords): string {
  const { head, body } = render(ReportDocument, { props: { report, leakage, map, remedies } });
  return standaloneHtml(body, report, head);
}

/** Renders one chart as a standalone SVG document (for Markdown reports and notebooks). */
export function renderChartSvg(plot: LinePlot, title: string): string {
  const { body } = render(LineChart, { props: { plot, title } });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(/<!--[^>]*-->/g, '')}\n`;
}
