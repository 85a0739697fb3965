import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/fixtures/sample-report';
import { BASELINES } from '../forecast/baselines';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { backtest } from './backtest';
import { protocolOf } from './protocol';
import { COUNT_METRICS, HOTSPOT_METRICS, coverageKey } from './metric-catalogue';
import { escapeMarkdown } from '../base/escape-markdown';
import { reportMarkdown } from './report-markdown';
import { REMEDY_PHRASES } from '../io/load-remedies';

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
    expect(md).toContain(`**${escapeMarkdown(report.summary.headline)}**`);
    expect(report.summary.models).toHaveLength(3);
    for (const line of report.summary.models) expect(md).toContain(`\n- ${escapeMarkdown(line.text)}\n`);
    expect(report.summary.caveats).toHaveLength(1);
    expect(md).toContain(`_${escapeMarkdown(report.summary.caveats[0])}_`);
    expect(md).toContain('| Model | Hit rate @ 5 % | Hit rate @ 10 % | PAI @ 5 % | PAI @ 10 % | PEI\\* @ 5 % | PEI\\* @ 10 % |');
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

  it('lists the load warnings under Data, each remedy worded as the rendering shell words it (the neutral phrase by default)', async () => {
    const report = await sampleReport();
    const zone =
      "no time zone declared for 'time' (local wall-clock readings): days and weeks are cut on the clock as recorded; declare the zone with the time zone setting";
    const duplicates = '2 rows repeat an earlier row in every column (…): kept; drop them with the duplicates setting';
    const warned = { ...report, data: { ...report.data, warnings: [zone, duplicates] } };
    const words = { ...REMEDY_PHRASES, declareZone: 'declare it with --tz ZONE', dropDuplicates: 'drop them with --duplicates drop' };
    const lines = (md: string) => md.split('\n').filter((line) => line.startsWith('- Warning: '));
    expect(lines(reportMarkdown(warned, {}, words))).toEqual([
      "- Warning: no time zone declared for 'time' (local wall-clock readings): days and weeks are cut on the clock as recorded; declare it with --tz ZONE",
      '- Warning: 2 rows repeat an earlier row in every column (…): kept; drop them with --duplicates drop',
    ]);
    expect(lines(reportMarkdown(warned))[0]).toMatch(/; declare the zone with the time zone setting$/);
    const data = reportMarkdown(warned, {}, words).split('## Data\n')[1].split('\n## ')[0];
    expect(data).toContain('- Warning: 2 rows repeat'); // in the Data section
    expect(lines(reportMarkdown(report))).toEqual([]); // a report without warnings (as before version 3 had them) lists none
  });

  it('marks exactly one best baseline (★) in each of the 12 metric columns, in the row of the report’s best baseline', async () => {
    const report = await sampleReport();
    const md = reportMarkdown(report);
    const columns = [
      ...HOTSPOT_METRICS.flatMap((id) => report.protocol.coverage.map((c) => report.bestBaseline[id][coverageKey(c)])),
      ...COUNT_METRICS.map((id) => report.bestBaseline[id]),
    ];
    const rows = [...tableRows(md, 'Hotspot metrics'), ...tableRows(md, 'Count metrics')];
    const starred = (table: string[][], column: number): string[] =>
      table.filter((cells) => cells[column + 1].includes('★')).map((cells) => cells[0].replace(' (baseline)', ''));
    const hotspot = rows.slice(0, 3);
    const count = rows.slice(3);
    const found = [...[0, 1, 2, 3, 4, 5].map((k) => starred(hotspot, k)), ...[0, 1, 2, 3, 4, 5].map((k) => starred(count, k))];
    expect(found).toEqual(columns.map((name) => [name]));
  });

  it('on 30 weeks with default settings, states the folds chosen and the model left out, in the JSON and the Markdown', async () => {
    const { panel } = syntheticPanel({ rings: 1, periods: 30, seed: 3, rate: () => 2 });
    const { report } = await backtest({
      panel,
      protocol: protocolOf({}),
      models: [
        { id: 'naive', params: {} },
        { id: 'seasonal-naive', params: {} },
        { id: 'kde', params: {} },
      ],
      definitions: BASELINES,
      data: { kind: 'panel', files: [], sha256: '0', rows: { read: 0, kept: 0, dropped: {} } },
      environment: { hexcast: 't', runtime: 't', libraries: {} },
    });
    expect(report.protocol.folds).toBe(17);
    expect(report.cutoffs.map((c) => c.cutoff)).toEqual(Array.from({ length: 17 }, (_, k) => 13 + k));
    expect(report.models.map((m) => m.name)).toEqual(['naive', 'kde(window=13, rings=1)']);
    expect(report.fitToPanel?.requested.folds).toBe('auto');
    const reason =
      'seasonal-naive(m=52) needs 52 training periods, but the panel has only 29 before its last cutoff (30 periods, horizon 1) (a season is never shortened)';
    expect(report.fitToPanel?.leftOut).toEqual([{ model: 'seasonal-naive(m=52)', reason }]);
    const md = reportMarkdown(report);
    expect(md).toContain('1 model left out (cannot run on this panel): seasonal-naive(m=52).');
    expect(md).toContain('  - folds = 17 (auto: 26 would leave too few training periods; the first fold keeps 13 for kde(window=13, rings=1))');
    expect(md).toContain(`  - Left out: ${escapeMarkdown(reason)}`);
    expect(md).toContain('- Protocol: horizon 1, 17 folds,');
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

  it('shows markup, links, pipes, newlines, backticks and bidi overrides from file names and a hand-edited report as text', async () => {
    const report = await sampleReport();
    const hostile = '"><img src=x onerror=alert(1)>.arrow';
    const edited = {
      ...report,
      data: {
        ...report.data,
        files: [
          { name: hostile, bytes: 1, rows: 1 },
          { name: '[x](javascript:alert(1)) | a\n| b |`c`<!-- d -->\u202eexe.arrow', bytes: 2, rows: 2 },
        ],
        sha256: 'ab`c',
        rows: { ...report.data.rows, dropped: { '<script>window.__pwned=1</script>': 1 } },
      },
      models: report.models.map((m, i) => (i === 0 ? { ...m, name: 'naive | <b>x</b>', kind: 'baseline\n# h' as 'baseline' } : m)),
    };
    const md = reportMarkdown(edited, { capture: 'my (1).capture.svg', folds: 'javascript:alert(1)' });
    expect(md).toContain(
      'on "\\>\\<img src=x onerror=alert(1)\\>.arrow, \\[x\\](javascript:alert(1)) \\| a \\| b \\|\\`c\\`\\<\\!-- d --\\>⟨U+202E⟩exe.arrow:',
    );
    expect(md).toContain('- SHA-256: ``ab`c``');
    expect(md).toContain('(\\<script\\>window.\\_\\_pwned=1\\</script\\>: 1)');
    expect(md).toContain('](my%20%281%29.capture.svg)');
    expect(md).toContain('](javascript%3Aalert%281%29)');
    // No markup character is left unescaped outside the code span, and no line came from a name.
    for (const line of md.split('\n').filter((l) => !l.startsWith('- SHA-256'))) {
      for (const m of line.matchAll(/(\\*)([<>`|])/g)) if (m[2] !== '|' || !line.startsWith('|')) expect(m[1].length % 2, line).toBe(1);
    }
    expect(md).not.toMatch(/^# h/m);
    // The hostile model row still has 1 + 6 cells: its pipes are escaped.
    const row = md.split('\n').find((line) => line.startsWith('| naive'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(row.startsWith('| naive \\| \\<b\\>x\\</b\\> (baseline \\# h) |')).toBe(true);
  });
});
