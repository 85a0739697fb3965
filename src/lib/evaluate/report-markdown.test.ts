import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/fixtures/sample-report';
import { COUNT_METRICS, HOTSPOT_METRICS, coverageKey } from './metric-catalogue';
import { reportMarkdown } from './report-markdown';

/** The body rows of the Markdown table under `## heading`, split into cells (model first). */
function tableRows(md: string, heading: string): string[][] {
  const section = md.split(`## ${heading}\n`)[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Model |'))
    .map((line) => line.slice(2, -2).split(' | '));
}

describe('reportMarkdown', () => {
  it('states the verdict (headline, one line per model, caveats), a row per model in both tables, both chart links and the row accounting', async () => {
    const report = await sampleReport();
    const md = reportMarkdown(report, { capture: 'r.capture.svg', folds: 'r.folds.svg' });
    expect(md).toContain(`**${report.summary.headline}**`);
    expect(report.summary.models).toHaveLength(3);
    for (const line of report.summary.models) expect(md).toContain(`\n- ${line.text}\n`);
    expect(report.summary.caveats).toHaveLength(1);
    expect(md).toContain(`_${report.summary.caveats[0]}_`);
    expect(md).toContain('| Model | Hit rate @ 5 % | Hit rate @ 10 % | PAI @ 5 % | PAI @ 10 % | PEI* @ 5 % | PEI* @ 10 % |');
    expect(md).toContain('| Model | MAE | RMSE | Poisson deviance | MASE | Brier | Log score |');
    const names = ['naive (baseline)', 'historic-average (baseline)', 'kde(window=8, rings=1) (baseline)'];
    expect(report.models.map((m) => `${m.name} (baseline)`)).toEqual(names);
    expect(tableRows(md, 'Hotspot metrics').map((cells) => cells[0])).toEqual(names);
    expect(tableRows(md, 'Count metrics').map((cells) => cells[0])).toEqual(names);
    expect(md).toContain('![Capture curves: hit rate against share of area flagged](r.capture.svg)');
    expect(md).toContain('![A metric per fold for every model](r.folds.svg)');
    expect(md).toContain('- Rows: 100 read = 97 kept + 3 dropped (location-null: 3)');
    expect(md).toContain('- Study region: 37 cells');
    expect(md).toContain('(local wall-clock time, zone not declared)');
  });

  it('marks exactly one best baseline (★) in each of the 12 metric columns, in the row of the report’s best baseline', async () => {
    const report = await sampleReport();
    const md = reportMarkdown(report);
    const columns = [
      ...HOTSPOT_METRICS.flatMap((id) => report.protocol.coverage.map((c) => report.bestBaseline[id][coverageKey(c)])),
      ...COUNT_METRICS.map((id) => report.bestBaseline[id]),
    ];
    const rows = [...tableRows(md, 'Hotspot metrics'), ...tableRows(md, 'Count metrics')];
    const starred = (table: string[][], column: number): string[] => table.filter((cells) => cells[column + 1].includes('★')).map((cells) => cells[0].replace(' (baseline)', ''));
    const hotspot = rows.slice(0, 3);
    const count = rows.slice(3);
    const found = [...[0, 1, 2, 3, 4, 5].map((k) => starred(hotspot, k)), ...[0, 1, 2, 3, 4, 5].map((k) => starred(count, k))];
    expect(found).toEqual(columns.map((name) => [name]));
  });
});
