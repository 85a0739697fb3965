import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/fixtures/sample-report';
import { reportMarkdown } from './report-markdown';

describe('reportMarkdown', () => {
  it('states the verdict, a row per model in both tables, the chart links and the row accounting', async () => {
    const report = await sampleReport();
    const md = reportMarkdown(report, { capture: 'r.capture.svg', folds: 'r.folds.svg' });
    expect(md).toContain(`**${report.summary.headline}**`);
    expect(md).toContain('| Model | Hit rate @ 5 % | Hit rate @ 10 % | PAI @ 5 % | PAI @ 10 % | PEI* @ 5 % | PEI* @ 10 % |');
    expect(md).toContain('| Model | MAE | RMSE | Poisson deviance | MASE | Brier | Log score |');
    expect(md.match(/^\| (naive|historic-average|kde\(window=8, rings=1\)) \(baseline\) \|/gm)).toHaveLength(6);
    expect(md).toContain('![Capture curves: hit rate against share of area flagged](r.capture.svg)');
    expect(md).toContain('- Rows: 100 read = 97 kept + 3 dropped (location-null: 3)');
    expect(md).toContain('- Study region: 37 cells');
    expect(md).toContain('(local wall-clock time, zone not declared)');
  });

  it('marks exactly one best baseline (★) per metric column', async () => {
    const report = await sampleReport();
    const md = reportMarkdown(report);
    const rows = md.split('\n').filter((line) => line.startsWith('| ') && line.includes('(baseline)'));
    const hotspotRows = rows.slice(0, 3).map((row) => row.split(' | ').slice(1));
    for (let column = 0; column < 6; column++) {
      expect(hotspotRows.filter((cells) => cells[column].includes('★'))).toHaveLength(1);
    }
  });
});
