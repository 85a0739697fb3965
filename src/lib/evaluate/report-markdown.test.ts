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

  it('states the hotspot rule and prints the tie range only where the ties move the printed digits', async () => {
    const report = await sampleReport();
    const naive = report.models[0];
    const pai = naive.metrics.pai['0.05'].mean;
    const tieRange = {
      ...naive.tieRange,
      pai: { '0.05': { worst: 1.894, best: 4.061 }, '0.1': { worst: pai * (1 + 1e-6), best: pai * (1 + 2e-6) } },
    };
    const md = reportMarkdown({ ...report, models: [{ ...naive, tieRange }, ...report.models.slice(1)] });
    expect(md).toContain('exactly c·A');
    expect(md).toContain('Ranking is by forecast count, not count per km²');
    const row = md.split('\n').find((line) => line.startsWith('| naive (baseline) |'))!;
    const cells = row.split(' | ');
    expect(cells[3]).toMatch(/ \(ties 1\.89–4\.06\)$/); // PAI @ 5 %
    expect(cells[4]).not.toContain('ties'); // PAI @ 10 %: worst and best print alike
  });
});
