import type { Report } from '../../lib/evaluate/report';
import { REPORT_CSS } from './report-styles';

/**
 * Wraps rendered report markup into a standalone HTML file: inline styles, a CSP that forbids
 * every network request and script, and the report JSON embedded (inert) so the file can be
 * loaded back into Hexcast. Used by the CLI (server-rendered markup) and the app's export
 * (the rendered element's outerHTML).
 */
export function standaloneHtml(body: string, report: Report, head = ''): string {
  const json = JSON.stringify(report).replace(/</g, '\\u003c');
  const title = `Hexcast report — ${report.data.files.map((f) => f.name).join(', ') || 'panel'} — ${report.createdAt.slice(0, 10)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
${head}
</head>
<body>
${body}
<script type="application/json" id="hexcast-report">${json}</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}
