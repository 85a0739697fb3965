/**
 * The stylesheet of the hygiene checklist and the leakage section, appended to `REPORT_CSS` so
 * the app, its HTML export and the CLI's standalone HTML share it. A failed item is red.
 */
export const HYGIENE_CSS = `
.hx-hygiene { list-style: none; padding: 0; margin: 8px 0; }
.hx-hygiene li { margin: 3px 0; padding-left: 1.6em; text-indent: -1.6em; }
.hx-hygiene .hx-ok::before { content: "✓"; color: #1a7f37; display: inline-block; width: 1.6em; text-indent: 0; font-weight: 700; }
.hx-hygiene .hx-fail { color: #c62828; }
.hx-hygiene .hx-fail::before { content: "✗"; display: inline-block; width: 1.6em; text-indent: 0; font-weight: 700; }
.hx-hygiene .hx-fail strong { color: #c62828; }
.hx-hygiene .hx-why { color: #555; font-size: 0.92em; }
.hx-hygiene .hx-fail .hx-why { color: #c62828; }
.hx-leak td.hx-up { color: #c62828; font-weight: 600; }
.hx-leak td.hx-down { color: #555; }
`;
