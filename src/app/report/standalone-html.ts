import { escapeHtml } from '../../lib/base/escape-html';
import type { Report } from '../../lib/evaluate/report';
import { REPORT_CSS } from './report-styles';

/**
 * The exported report's Content-Security-Policy: nothing may load or run (no script at all,
 * no request, no form, no <base>), only its inline styles and data: images.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Wraps rendered report markup into a standalone HTML file: inline styles, a CSP that forbids
 * every network request and script (`REPORT_CSP`), and the report JSON embedded (inert, every
 * `<` written as `\u003c` so no name in it can close the script element) so the file can be
 * loaded back into Hexcast. The title is escaped here; `body` must be escaped markup already
 * (Svelte's server renderer or the browser's serialiser). Used by the CLI (server-rendered markup) and the app's export
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
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
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
