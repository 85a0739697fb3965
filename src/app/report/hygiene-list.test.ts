import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/fixtures/sample-report';
import { reportMarkdown } from '../../lib/evaluate/report-markdown';
import { renderReportHtml } from './render-report-html';

// The sample report's data fingerprint is 'abc', not a SHA-256: its checklist fails that item.
describe('the hygiene checklist in every rendering', () => {
  it('HTML: six items, the failed fingerprint in red (hx-fail) with its reason, the others passed', async () => {
    const report = await sampleReport();
    const html = renderReportHtml(report);
    expect(html.match(/<li class="hx-ok"/g)).toHaveLength(5);
    const failed = html.match(/<li class="hx-fail" data-check="([a-z-]+)">([\s\S]*?)<\/li>/)!;
    expect(failed[1]).toBe('data-fingerprint');
    expect(failed[2].replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ')).toContain(
      "Failed: Data fingerprint (SHA-256 of the inputs)</strong> <span class=\"hx-why\">— the report's data fingerprint is 'abc', not a SHA-256 (64 hex digits)",
    );
    expect(html).toContain('1 of 6 failed.');
    expect(html).toMatch(/\.hx-hygiene \.hx-fail \{ color: #c62828; \}/);
  });

  it('Markdown: ✅ for each passed item with its evidence, ❌ FAILED with the reason', async () => {
    const report = await sampleReport();
    const md = reportMarkdown(report);
    expect(md).toContain('## Hygiene checklist');
    expect(md).toContain("- ❌ **FAILED: Data fingerprint (SHA-256 of the inputs)** — the report's data fingerprint is 'abc', not a SHA-256 (64 hex digits)");
    expect(md).toContain('- ✅ Cutoffs and horizon fixed before scoring — 12 cutoffs follow from the panel');
    expect(md.match(/^- ✅ /gm)).toHaveLength(5);
  });

  it('a report without a checklist says so rather than showing none', async () => {
    const { hygiene, ...old } = await sampleReport();
    expect(hygiene).toHaveLength(6);
    expect(reportMarkdown(old as never)).toContain('_This report carries no hygiene checklist (made before report version 3)._');
    expect(renderReportHtml(old as never)).toContain('This report carries no hygiene checklist');
  });
});
