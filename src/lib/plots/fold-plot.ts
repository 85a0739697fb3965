import { wallTimeOf } from '../grid/wall-time';
import type { Report } from '../evaluate/report';
import { coverageKey, METRICS, type MetricId } from '../evaluate/metric-catalogue';
import { metricLabel } from '../evaluate/verdict';
import { linePlot, type LinePlot } from './line-plot';

/**
 * Per-fold values of one metric for every model, against the start of each fold's test
 * span, so instability over time is visible (a model that wins on average may lose for
 * months). Hotspot metrics need a coverage level.
 */
export function foldPlot(report: Report, metric: MetricId, coverage?: number, options: { width?: number; height?: number } = {}): LinePlot {
  const hotspot = METRICS[metric].better === 'higher';
  if (hotspot && coverage === undefined) throw new Error(`foldPlot: ${metric} is a hotspot metric and needs a coverage level`);
  // Placed at the wall-clock reading of each test start, so the axis shows local dates.
  const spec = { clock: report.panel.clock, timeZone: report.panel.timeZone };
  const x = report.cutoffs.map((c) => wallTimeOf(Date.parse(report.panel.clock === 'wall' ? `${c.testStart}Z` : c.testStart), spec));
  const series = report.models.map((model) => {
    const rows = report.folds.filter((f) => f.model === model.name).sort((a, b) => a.fold - b.fold);
    const y = rows.map((row) => {
      const value = row.metrics[metric];
      return typeof value === 'number' ? value : (value as Record<string, number>)[coverageKey(coverage!)];
    });
    return { name: model.name, kind: model.kind, x, y };
  });
  return linePlot(series, {
    ...options,
    xType: 'time',
    xUnit: report.panel.bucket,
    xLabel: 'Start of the test span',
    yLabel: `${metricLabel(metric, hotspot ? coverage : undefined)} (${METRICS[metric].better} is better)`,
  });
}
