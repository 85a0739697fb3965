import { HYGIENE_CSS } from './hygiene-styles';

/**
 * The report's stylesheet, as a string so that the CLI (standalone HTML), the app (in-page
 * view) and the app's HTML export all use the same rules. Class names are prefixed `hx-`.
 */
export const REPORT_CSS =
  `
.hx-report { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; max-width: 1180px; margin: 0 auto; padding: 24px; }
.hx-report h1 { font-size: 1.6em; margin: 0 0 4px; }
.hx-report h2 { font-size: 1.2em; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.hx-report .hx-sub { color: #555; margin: 0 0 16px; }
.hx-verdict { background: #f4f7fb; border-left: 4px solid #0072B2; padding: 12px 16px; margin: 16px 0; }
.hx-verdict p { margin: 4px 0; }
.hx-verdict .hx-headline { font-weight: 600; font-size: 1.05em; }
.hx-caveat { color: #555; font-size: 0.92em; }
.hx-table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 8px 0 4px; }
.hx-table th, .hx-table td { border-bottom: 1px solid #e6e6e6; padding: 5px 8px; text-align: right; vertical-align: top; }
.hx-table thead th { font-weight: 600; border-bottom: 2px solid #bbb; }
.hx-table thead th:first-child { text-align: left; }
.hx-table th[scope=row] { text-align: left; white-space: nowrap; font-weight: 500; }
.hx-table small { color: #666; font-weight: 400; font-size: max(11px, 0.83em); }
.hx-kind { display: inline-block; margin-left: 4px; padding: 0 4px; border-radius: 3px; background: #eee; font-size: max(11px, 0.75em); }
.hx-scroll { overflow-x: auto; max-width: 100%; }
.hx-metrics { font-size: 0.93em; }
.hx-metrics th, .hx-metrics td { padding: 4px 6px; }
.hx-metrics thead th { vertical-align: bottom; }
.hx-metrics thead tr:first-child th { border-bottom-width: 1px; }
.hx-metrics .hx-group { text-align: center; border-left: 1px solid #ddd; }
.hx-metrics .hx-first { border-left: 1px solid #ddd; }
.hx-metrics th:first-child { position: sticky; left: 0; z-index: 1; background: #fff; }
.hx-metrics tbody th { white-space: normal; min-width: 8em; }
.hx-metrics .hx-name { white-space: nowrap; }
.hx-metrics .hx-params { color: #555; font-size: 0.9em; overflow-wrap: anywhere; }
.hx-metric .hx-mean { display: block; font-weight: 500; }
.hx-metric .hx-interval { display: block; color: #666; font-size: max(11px, 0.8em); white-space: nowrap; }
.hx-metric .hx-skill { display: block; font-size: max(11px, 0.8em); color: #666; white-space: nowrap; }
.hx-metric .hx-ties { display: block; font-size: max(11px, 0.8em); color: #7a4a8a; white-space: nowrap; }
.hx-metric.hx-better .hx-skill { color: #006d4b; font-weight: 600; }
.hx-metric.hx-worse .hx-skill { color: #a33a00; font-weight: 600; }
.hx-star { color: #b07800; margin-right: 3px; }
.hx-charts { display: flex; flex-wrap: wrap; gap: 16px; }
.hx-chart { max-width: 100%; height: auto; }
.hx-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
.hx-facts dt { color: #555; }
.hx-facts dd { margin: 0; font-variant-numeric: tabular-nums; }
.hx-fit { margin: 0; padding-left: 1.2em; }
.hx-note { color: #555; font-size: 0.92em; }
.hx-legend-key { font-size: 0.9em; color: #444; }
.hx-table caption { text-align: left; font-weight: 600; padding: 6px 0 2px; }
.hx-reference-row th { font-style: italic; }
code { font-size: 0.92em; }
` + HYGIENE_CSS;
