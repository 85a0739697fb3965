import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/fixtures/sample-report';
import { capturePlot } from '../../lib/plots/capture-plot';
import { renderChartSvg, renderReportHtml } from './render-report-html';
import { appRemedyWords } from '../data/load-warnings';

describe('renderReportHtml', () => {
  it("lists the load warnings under Data, each remedy worded as the shell's control (the app's field), the neutral phrase by default", async () => {
    const report = await sampleReport();
    const zone = "no time zone declared for 'time' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC";
    const warned = { ...report, data: { ...report.data, warnings: [`${zone}; declare the zone with the time zone setting`] } };
    expect(renderReportHtml(warned, undefined, undefined, appRemedyWords('wall'))).toContain(
      `<dt>Warning</dt> <dd>${zone}; type it in the Time zone field of the column mapping</dd>`,
    );
    expect(renderReportHtml(warned)).toContain(`<dt>Warning</dt> <dd>${zone}; declare the zone with the time zone setting</dd>`);
    expect(renderReportHtml(report)).not.toContain('<dt>Warning</dt>');
  });

  it('writes a standalone page: no scripts to run, a CSP that blocks every request, the report JSON embedded', async () => {
    const report = await sampleReport();
    const html = renderReportHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`);
    expect(html).not.toMatch(/<script(?![^>]*type="application\/json")/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const json = html.match(/<script type="application\/json" id="hexcast-report">([\s\S]*?)<\/script>/)![1];
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('shows markup from file, model and drop-reason names as text: no element, attribute or script can come from them', async () => {
    const report = await sampleReport();
    const payload = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script></script><!--'`;
    const hostile = {
      ...report,
      data: { ...report.data, files: [{ name: `${payload}.arrow`, bytes: 1, rows: 1 }], rows: { ...report.data.rows, dropped: { [payload]: 1 } } },
      models: report.models.map((m, i) => (i === 0 ? { ...m, name: payload } : m)),
    };
    const html = renderReportHtml(hostile);
    expect(html).not.toMatch(/<img/i);
    expect(html.match(/<script/gi)).toHaveLength(1); // the inert JSON
    expect(html).not.toMatch(/<!--'/);
    expect(html).toContain('>&lt;img src=x onerror="window.__pwned=1">&lt;script>window.__pwned=2&lt;/script>&lt;/script>&lt;!--\'.arrow'); // Svelte escapes < and & in text
    expect(html).toContain(`<title>Hexcast report — &quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;&lt;script&gt;`);
    const json = html.match(/<script type="application\/json" id="hexcast-report">([\s\S]*?)<\/script>/)![1];
    expect(json).not.toContain('<');
    expect(JSON.parse(json).data.files[0].name).toBe(`${payload}.arrow`);
    const svg = renderChartSvg(capturePlot(hostile.models), payload);
    expect(svg).not.toMatch(/<(img|script)/i);
    expect(svg).toContain('<title>">&lt;img src=x onerror="window.__pwned=1">&lt;script>');
    expect(svg).toContain('aria-label="&quot;>&lt;img src=x onerror=&quot;window.__pwned=1&quot;>'); // and " in attributes
  });

  it('shows the verdict, both tables with a row per model, and four charts', async () => {
    const report = await sampleReport();
    const html = renderReportHtml(report);
    expect(html).toContain(report.summary.headline);
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(2 * report.models.length);
    expect(html.match(/<svg class="hx-chart"/g)).toHaveLength(4);
    expect(html).toContain('Capture curves up to 20 % of the area');
  });

  it('states what was fitted to the panel and each model left out, with its reason', async () => {
    const report = await sampleReport();
    const fitToPanel = {
      requested: { ...report.protocol, folds: 'auto' as const },
      choices: [{ setting: 'folds', value: 12, reason: 'auto: 26 would leave too few training periods' }],
      leftOut: [{ model: 'seasonal-naive(m=52)', reason: 'seasonal-naive(m=52) needs 52 training periods, but the panel has only 29' }],
    };
    const html = renderReportHtml({ ...report, fitToPanel });
    expect(html).toContain('<li>folds = 12 (auto: 26 would leave too few training periods)</li>');
    expect(html).toContain('<li>Left out: seasonal-naive(m=52) needs 52 training periods, but the panel has only 29</li>');
    expect(html).toContain('<p class="hx-caveat">Left out: seasonal-naive(m=52) needs 52 training periods, but the panel has only 29.</p>');
  });

  it('states the hotspot rule and shows a tie range only where the ties move the printed digits', async () => {
    const report = await sampleReport();
    const naive = report.models[0];
    const pai = naive.metrics.pai['0.05'].mean;
    const tieRange = { hitRate: {}, pei: {}, pai: { '0.05': { worst: 1.894, best: 4.061 }, '0.1': { worst: pai, best: pai * (1 + 1e-6) } } };
    const models = report.models.map((m, i) => ({ ...m, tieRange: i === 0 ? tieRange : { hitRate: {}, pai: {}, pei: {} } }));
    const html = renderReportHtml({ ...report, models });
    expect(html).toContain(report.hotspotRule.slice(0, 80));
    expect(html.match(/class="hx-ties"/g)).toHaveLength(1);
    expect(html).toContain('>ties 1.89–4.06</span>');
  });
});

describe('renderChartSvg', () => {
  it('renders a chart as an SVG document with a path and a legend entry per model', async () => {
    const report = await sampleReport();
    const svg = renderChartSvg(capturePlot(report.models), 'Capture curves');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.match(/<path d="M/g)!.length).toBe(report.models.length + 1);
    for (const model of report.models) expect(svg).toContain(`>${model.name}</text>`);
  });
});
