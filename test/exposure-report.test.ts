/**
 * The exposure section end to end on a synthetic panel: `backtest` with area attributes adds
 * `report.exposure`, and the Markdown and HTML reports show it with group names escaped.
 */
import { describe, expect, it } from 'vitest';
import { backtest } from '../src/lib/evaluate/backtest';
import { protocolOf } from '../src/lib/evaluate/protocol';
import { reportMarkdown } from '../src/lib/evaluate/report-markdown';
import { BASELINES } from '../src/lib/forecast/baselines';
import { syntheticPanel } from '../src/lib/simulate/synthetic-panel';
import { renderReportHtml } from '../src/app/report/render-report-html';
import { toyAreas } from '../src/lib/evaluate/exposure/test-world';
import { diskOf } from '../src/lib/grid/h3';

const hostile = 'B<img src=x onerror=1>|';

async function run(withAreas: boolean) {
  // 37 cells in 3 rings; true risk 4/(1 + ring). Group A lives in the centre and first ring (7 cells, 100 each),
  // group B everywhere (50 each): A's population share is 700/(700 + 1,850) = 27.45 %.
  const { panel } = syntheticPanel({ rings: 3, periods: 60, seed: 8, rate: ({ ring }) => 4 / (1 + ring) });
  const centre = panel.cells.find((c) =>
    diskOf({ cell: c, k: 3 })
      .flat()
      .every((x) => panel.cells.includes(x)),
  )!; // the one cell whose 3-ring disk is the panel
  const inner = new Set(diskOf({ cell: centre, k: 1 }).flat());
  const areas = toyAreas(panel.cells, { A: panel.cells.map((c) => (inner.has(c) ? 100 : 0)), [hostile]: panel.cells.map(() => 50) });
  return backtest({
    panel,
    protocol: protocolOf({ horizon: 1, folds: 10, validation: 0, coverage: [0.05, 0.2] }),
    models: [
      { id: 'naive', params: {} },
      { id: 'historic-average', params: {} },
    ],
    definitions: BASELINES,
    data: { kind: 'incidents', files: [{ name: 'synthetic.arrow', bytes: 1, rows: 1 }], sha256: 'abc', rows: { read: 1, kept: 1, dropped: {} } },
    environment: { hexcast: '0.1.0', runtime: 'node test', libraries: {} },
    ...(withAreas && { areas }),
  } as Parameters<typeof backtest>[0]);
}

describe('backtest with area attributes', () => {
  it('adds report.exposure: the models, the oracle and random selection at each coverage, shares summing to 1; none without areas', async () => {
    const { report } = await run(true);
    const exposure = report.exposure!;
    expect(exposure.groups).toEqual(['A', hostile]);
    expect(exposure.populationShare[0]).toBeCloseTo(700 / 2550, 12);
    expect(exposure.selections.map((s) => s.name)).toEqual(['naive', 'historic-average', 'hindsight oracle', 'random selection']);
    for (const selection of exposure.selections) {
      for (const key of ['0.05', '0.2']) {
        const at = selection.coverage[key];
        expect(at.share[0].mean + at.share[1].mean).toBeCloseTo(1, 12);
        expect(at.share[0].n).toBe(10);
      }
    }
    // The true risk peaks in the centre, where group A lives: the historic average flags it there (ratio > 1), random selection exactly in proportion.
    expect(exposure.selections[1].coverage['0.05'].ratio[0].mean).toBeGreaterThan(2);
    expect(exposure.selections[3].coverage['0.05'].ratio[0].mean).toBeCloseTo(1, 12);
    expect(report.version).toBe(3);
    expect((await run(false)).report.exposure).toBeUndefined();
  });

  it('the Markdown and HTML reports show the section with the group name from the file as text', async () => {
    const { report } = await run(true);
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('## Who gets flagged');
    expect(markdown).toContain('B\\<img src=x onerror=1\\>\\|');
    const html = renderReportHtml(report);
    expect(html).toContain('Who gets flagged');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('exposure to a flag is not harm');
  });
});
