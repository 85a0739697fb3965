/**
 * SVG snapshots of every chart builder of src/lib/plots, on seeded data, with numbers rounded
 * to 2 decimals (as Observable Plot keeps its test/output): line plots are drawn by the
 * report's own LineChart (renderChartSvg); the map pieces (hex geometry, colour scales, scale
 * bar, hotspot classes) and time axes by the small SVG writers below. A changed chart fails
 * with a message saying how to review it and how to accept it (UPDATE_SNAPSHOTS=1); see
 * test/snapshot-file.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../src/app/report/render-report-html';
import type { Report } from '../src/lib/evaluate/report';
import { cellOf, diskOf } from '../src/lib/grid/h3';
import { capturePlot } from '../src/lib/plots/capture-plot';
import { cellSeriesPlot } from '../src/lib/plots/cell-series-plot';
import { divergingScale, sequentialScale, type ColourScale } from '../src/lib/plots/colour-scale';
import { foldPlot } from '../src/lib/plots/fold-plot';
import { hexGeometry, type HexGeometry } from '../src/lib/plots/hex-geometry';
import { HOTSPOT_CLASSES, hotspotMap } from '../src/lib/plots/hotspot-classes';
import { linePlot } from '../src/lib/plots/line-plot';
import { scaleBar } from '../src/lib/plots/scale-bar';
import { timeTicks } from '../src/lib/plots/time-ticks';
import { random } from '../src/lib/base/random';
import { expectSnapshotFile, roundNumbers } from './snapshot-file';

const WEEK = 7 * 86_400_000;
const MONDAY = Date.UTC(2018, 0, 1);
const weeks = (n: number, from = MONDAY): number[] => Array.from({ length: n }, (_, k) => from + k * WEEK);

/** An SVG document around `body`, `width` × `height`, with a white background. */
function svgDocument(width: number, height: number, title: string, body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="11">\n` +
    `<title>${title}</title>\n<rect width="${width}" height="${height}" fill="#fff"/>\n${body}\n</svg>\n`
  );
}

/** A colour ramp with its ticks and end words, as the map legend shows it, at (x, y), `width` px long. */
function rampSvg(scale: ColourScale, id: string, x: number, y: number, width: number): string {
  const stops = scale.stops.map((s) => `<stop offset="${s.offset}" stop-color="${s.colour}"/>`).join('');
  const ticks = scale.ticks
    .map(
      (t) =>
        `<line x1="${x + t.position * width}" x2="${x + t.position * width}" y1="${y + 12}" y2="${y + 16}" stroke="#444"/><text x="${x + t.position * width}" y="${y + 27}" text-anchor="middle">${t.label}</text>`,
    )
    .join('\n');
  const ends = scale.ends
    ? `<text x="${x}" y="${y - 4}">${scale.ends[0]}</text><text x="${x + width}" y="${y - 4}" text-anchor="end">${scale.ends[1]}</text>`
    : '';
  return `<defs><linearGradient id="${id}">${stops}</linearGradient></defs><rect x="${x}" y="${y}" width="${width}" height="12" fill="url(#${id})"/>\n${ticks}\n${ends}`;
}

/** Cells of `geometry` filled with `fills`, a scale bar at the bottom left and `extra` below the map. */
function mapSvg(geometry: HexGeometry, fills: readonly string[], title: string, extra: string, extraHeight: number): string {
  const cells = geometry.paths.map((d, i) => `<path d="${d}" fill="${fills[i]}" stroke="#fff" stroke-width="0.5"/>`).join('\n');
  const bar = scaleBar(geometry.metresPerPixel, geometry.width / 4);
  const barSvg = `<g transform="translate(10 ${geometry.height - 14})"><line x1="0" x2="${bar.pixels}" y1="0" y2="0" stroke="#222" stroke-width="2"/><text x="0" y="-4">${bar.label}</text></g>`;
  const outline = geometry.outline ? `<path d="${geometry.outline}" fill="none" stroke="#222"/>` : '';
  return svgDocument(
    geometry.width,
    geometry.height + extraHeight,
    title,
    `${cells}\n${outline}\n${barSvg}\n<g transform="translate(0 ${geometry.height})">${extra}</g>`,
  );
}

/** Rows of time-axis ticks, one row per case, each tick a mark and its label. */
function axesSvg(rows: readonly { label: string; start: number; end: number; ticks: readonly { value: number; label: string }[] }[]): string {
  const width = 640;
  const left = 50;
  const right = width - 50;
  const body = rows
    .map((row, r) => {
      const y = 30 + r * 50;
      const at = (t: number): number => left + ((t - row.start) / (row.end - row.start)) * (right - left);
      const marks = row.ticks
        .map(
          (t) =>
            `<line x1="${at(t.value)}" x2="${at(t.value)}" y1="${y}" y2="${y + 5}" stroke="#888"/><text x="${at(t.value)}" y="${y + 17}" text-anchor="middle">${t.label}</text>`,
        )
        .join('');
      return `<text x="${left}" y="${y - 8}" fill="#222">${row.label}</text><line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="#888"/>${marks}`;
    })
    .join('\n');
  return svgDocument(width, 30 + rows.length * 50, 'Time axis ticks', body);
}

/** A 91-cell disk (5 rings) around the Chicago Loop at resolution 8. */
function disk(): string[] {
  return diskOf({ cell: cellOf({ lat: 41.8781, lng: -87.6298, res: 8 }), k: 5 }).flat();
}

describe('chart snapshots (test/snapshots/plots/)', () => {
  it('line-plot: two series on a linear axis, one with a gap at NaN, and a reference line', () => {
    const rng = random(11);
    const x = Array.from({ length: 30 }, (_, i) => i);
    const a = x.map((i) => 2 + Math.sin(i / 4) + 0.3 * rng.normal());
    const b = x.map((i) => (i >= 12 && i <= 14 ? Number.NaN : 1.5 + 0.05 * i + 0.3 * rng.normal()));
    const plot = linePlot(
      [
        { name: 'historic-average', kind: 'baseline', x, y: a },
        { name: 'poisson-glm', kind: 'learned', x, y: b },
      ],
      {
        xLabel: 'Fold',
        yLabel: 'MAE (lower is better)',
        reference: {
          points: [
            [0, 2],
            [29, 2],
          ],
          label: 'level 2',
        },
      },
    );
    expect(plot.series.map((s) => s.points.length)).toEqual([30, 27]);
    expectSnapshotFile('line-plot.svg', roundNumbers(renderChartSvg(plot, 'Line plot')));
  });

  it('capture-plot: three models from 0 to 100 % of the area, and zoomed on the first 20 %', () => {
    const rng = random(12);
    const coverage = Array.from({ length: 101 }, (_, i) => i / 100);
    const curve = (strength: number) => coverage.map((c) => Math.min(1, c ** strength * (1 + 0.02 * rng.normal())));
    const models = [
      { name: 'naive', kind: 'baseline' as const, captureCurve: { coverage, hitRate: curve(0.8) } },
      { name: 'kde(window=8, rings=1)', kind: 'baseline' as const, captureCurve: { coverage, hitRate: curve(0.55) } },
      { name: 'mlp', kind: 'learned' as const, captureCurve: { coverage, hitRate: curve(0.5) } },
    ];
    expectSnapshotFile('capture-plot.svg', roundNumbers(renderChartSvg(capturePlot(models), 'Capture curves')));
    const zoomed = capturePlot(models, { maxCoverage: 0.2 });
    expect(zoomed.series.map((s) => s.points.length)).toEqual([21, 21, 21]);
    expectSnapshotFile('capture-plot-zoom.svg', roundNumbers(renderChartSvg(zoomed, 'Capture curves, first 20 %')));
  });

  it('fold-plot: PAI at 5 % per weekly fold for two models', () => {
    const rng = random(13);
    const starts = weeks(12, Date.UTC(2018, 8, 3));
    const models = [
      { name: 'historic-average', kind: 'baseline' },
      { name: 'sepp', kind: 'learned' },
    ];
    const report = {
      panel: { clock: 'wall', timeZone: 'America/Chicago', bucket: 'week' },
      cutoffs: starts.map((t) => ({ testStart: new Date(t).toISOString().slice(0, 19) })),
      models,
      folds: models.flatMap((m, i) => starts.map((_, fold) => ({ model: m.name, fold, metrics: { pai: { '0.05': 3 + i + rng.normal() } } }))),
    } as unknown as Report;
    const plot = foldPlot(report, 'pai', 0.05);
    expect(plot.xTicks.map((t) => t.label)).toEqual(['Oct 2018', 'Nov']); // 12 weeks from Sep 3: at most 5 ticks, so months
    expectSnapshotFile('fold-plot.svg', roundNumbers(renderChartSvg(plot, 'PAI per fold')));
  });

  it('cell-series-plot: 40 weeks of actual counts and two models’ forecasts over the last 12', () => {
    const rng = random(14);
    const periods = weeks(40);
    const actual = periods.map((_, k) => rng.poisson(3 + 2 * Math.sin(k / 5)));
    const forecastPeriods = periods.slice(28);
    const forecasts = [...forecastPeriods.map((_, k) => 3 + 0.1 * k), ...forecastPeriods.map((_, k) => 3 + 2 * Math.sin((28 + k) / 5) + 0.2 * rng.normal())];
    const plot = cellSeriesPlot(
      { periods, actual, forecastPeriods, forecasts },
      [
        { name: 'historic-average', kind: 'baseline' },
        { name: 'poisson-glm', kind: 'learned' },
      ],
      { unit: 'week', context: 10 },
    );
    expect(plot.series.map((s) => [s.name, s.points.length])).toEqual([
      ['historic-average', 12],
      ['poisson-glm', 12],
      ['actual', 22],
    ]);
    expectSnapshotFile('cell-series-plot.svg', roundNumbers(renderChartSvg(plot, 'One cell over time')));
  });

  it('hex-geometry + colour-scale (sequential) + scale-bar: 91 cells coloured by a seeded count, with the legend ramp', () => {
    const rng = random(15);
    const cells = disk();
    const geometry = hexGeometry(cells, { width: 420 });
    expect(geometry.paths).toHaveLength(91);
    const counts = cells.map((_, i) => (i === 3 ? 0 : rng.poisson(20 / (1 + Math.floor(i / 12)))));
    const scale = sequentialScale(Math.max(...counts));
    expectSnapshotFile(
      'hex-map-sequential.svg',
      roundNumbers(mapSvg(geometry, counts.map(scale.colour), 'Counts per cell', rampSvg(scale, 'seq', 20, 16, 380), 56)),
    );
  });

  it('colour-scale (diverging) + hex-geometry outline: forecast − actual on the same cells, with a study-area box drawn over them', () => {
    const rng = random(16);
    const cells = disk();
    // A GeoJSON box (counter-clockwise, as GeoJSON winds it) smaller than the disk, so it crosses cells.
    const [w, s, e, n] = [-87.6698, 41.8481, -87.5898, 41.9081];
    const outline = {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    };
    const geometry = hexGeometry(cells, { width: 420, outline });
    expect(geometry.outline).toMatch(/^M[\d.,]+L/);
    const errors = cells.map(() => 3 * rng.normal());
    const scale = divergingScale(Math.max(...errors.map(Math.abs)));
    expect(scale.ticks.map((t) => t.position)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expectSnapshotFile(
      'hex-map-diverging.svg',
      roundNumbers(mapSvg(geometry, errors.map(scale.colour), 'Forecast minus actual', rampSvg(scale, 'div', 20, 20, 380), 60)),
    );
  });

  it('hotspot-classes: the top 10 % of the area flagged, with hits, misses and the legend', () => {
    const rng = random(17);
    const cells = disk();
    const geometry = hexGeometry(cells, { width: 420 });
    const forecast = cells.map((_, i) => 10 / (1 + i) + 0.1 * rng.next());
    const actual = cells.map((_, i) => rng.poisson(4 / (1 + i / 4)));
    const map = hotspotMap(
      forecast,
      actual,
      cells.map(() => 1),
      cells.map(() => 1),
      0.1,
    );
    const legend = HOTSPOT_CLASSES.map(
      (c, i) => `<rect x="20" y="${10 + i * 16}" width="12" height="12" fill="${c.colour}"/><text x="38" y="${16 + i * 16}" dy="0.32em">${c.label}</text>`,
    ).join('\n');
    expectSnapshotFile(
      'hex-map-hotspots.svg',
      roundNumbers(
        mapSvg(
          geometry,
          Array.from(map.classes, (k) => HOTSPOT_CLASSES[k].colour),
          'Hotspots flagged at 10 %',
          legend,
          16 * HOTSPOT_CLASSES.length + 16,
        ),
      ),
    );
  });

  it('time-ticks: hours, days, weeks, months and years, with and without a bucket unit', () => {
    const cases = [
      { label: '2 days, hourly buckets', start: Date.UTC(2018, 0, 1), end: Date.UTC(2018, 0, 3), unit: 'hour' as const },
      { label: '3 weeks, daily buckets', start: Date.UTC(2018, 5, 4), end: Date.UTC(2018, 5, 25), unit: 'day' as const },
      { label: '26 weeks, weekly buckets, across a year end', start: Date.UTC(2018, 8, 3), end: Date.UTC(2019, 2, 4), unit: 'week' as const },
      { label: '2 months, monthly buckets (no weekly ticks)', start: Date.UTC(2017, 2, 1), end: Date.UTC(2017, 4, 1), unit: 'month' as const },
      { label: '9 years, no unit', start: Date.UTC(2010, 0, 1), end: Date.UTC(2019, 0, 1), unit: undefined },
    ];
    const rows = cases.map((c) => ({ ...c, ticks: timeTicks(c.start, c.end, 7, c.unit) }));
    expect(rows[3].ticks.map((t) => t.label)).toEqual(['Mar 2017', 'Apr', 'May']);
    expectSnapshotFile('time-ticks.svg', axesSvg(rows));
  });
});
