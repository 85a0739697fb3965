import { DROP_REASON_TEXT, DROP_REASONS } from '../lib/io/incidents';
import { detectMapping } from '../lib/io/detect-mapping';
import { loadMappingCrs } from '../lib/io/load-crs';
import type { CrsCandidate } from '../lib/io/rank-crs';
import { describeCrsCandidate, suggestCrs } from '../lib/io/suggest-crs';
import { summariseIncidents } from '../lib/io/summarise-incidents';
import { escapeTerminal } from '../lib/base/escape-terminal';
import { formatNumber } from '../lib/base/format-number';
import { loadMapped } from '../lib/pipeline/load';
import { inspectPanel } from './inspect-panel';
import { cliLoadWarnings } from './load-warnings';
import { MAPPING_HELP } from './help';
import { parseFlags } from './parse-flags';
import { MAPPING_OPTIONS, mappingFromFlags } from './mapping-flags';
import { readSources } from './read-sources';

const USAGE = `Usage: hexcast inspect FILE… [mapping options] [--category VALUE…] [--json]

Prints the detected column mapping, the time range, categories with counts, and the row
accounting (rows read = kept + dropped, by reason, with examples). For projected x/y it ranks
the EPSG registry's CRSs by where they put the points (inside their area of use, on land, a
city's extent, where people live) and prints the best five, also when --crs is missing. A panel file (e.g. from
'hexcast bin') shows its cells, periods and counts, and — when 'hexcast bin' wrote it — the
incident files it came from, their row accounting and the partial periods trimmed. With
--json, one JSON object on stdout.

${MAPPING_HELP}  --category VALUE      keep only this category (repeatable)
  --json                machine-readable output
`;

/** `hexcast inspect`: what is in these files, and what loading them would keep and drop. */
export async function inspectCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, { ...MAPPING_OPTIONS, category: { type: 'string', multiple: true }, json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const opened = await readSources(positionals);
  const { sources, sha256 } = opened;
  if (opened.kind === 'panel') {
    process.stdout.write(inspectPanel(sources, sha256, values.json === true));
    return;
  }
  const xy = xyColumns(sources, values);
  const candidates = xy ? await suggestCrs(sources[0], xy.x, xy.y) : null;
  let mapping;
  try {
    mapping = mappingFromFlags(sources, values, values.category);
  } catch (error) {
    // A projected file without --crs: the ranking is what the user needs to choose one.
    if (candidates && !values.json) process.stdout.write(`${crsLines(candidates).map(escapeTerminal).join('\n')}\n\n`);
    throw error;
  }
  await loadMappingCrs(mapping);
  const { incidents } = loadMapped(opened, mapping);
  const summary = summariseIncidents(incidents);
  const report = incidents.report;
  if (values.json) {
    const out = {
      files: report.files,
      sha256,
      mapping,
      clock: incidents.clock,
      timeZone: incidents.timeZone,
      rows: { read: report.read, kept: report.kept, dropped: report.dropped },
      readAs: opened.sources.map((source) => source.notes ?? []),
      examples: report.examples,
      time: summary.time && { first: summary.time.firstText, last: summary.time.lastText },
      extent: summary.extent,
      categories: summary.categories,
      uncategorised: summary.uncategorised,
      warnings: cliLoadWarnings(incidents, mapping),
      ...(report.breakdown && { dropsBy: report.breakdown }),
      ...(candidates && { crsCandidates: candidates }),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines: string[] = [];
  report.files.forEach((file, i) => {
    lines.push(`${file.name}: ${n(file.rows)} rows, ${formatNumber(file.bytes / 1e6, 3)} MB`);
    for (const note of opened.sources[i]?.notes ?? []) lines.push(`  ${note}`); // how a CSV or GeoJSON file was read, and why
  });
  lines.push(`SHA-256   ${sha256}`, '', 'Mapping');
  lines.push(
    `  time      ${mapping.time.column}${mapping.time.unit ? ` (epoch ${mapping.time.unit})` : ''} → ${incidents.clock === 'wall' ? 'local wall-clock time' : 'instants'}${incidents.timeZone ? `, ${incidents.timeZone}` : ''}`,
  );
  lines.push(
    mapping.location.kind === 'latlng'
      ? `  location  ${mapping.location.lat} / ${mapping.location.lng} (WGS84 degrees)`
      : `  location  ${mapping.location.x} / ${mapping.location.y} in ${mapping.location.crs}`,
  );
  lines.push(`  category  ${mapping.category ?? '(none)'}${mapping.categories ? `, keeping ${mapping.categories.join(', ')}` : ''}`);
  if (summary.time) lines.push('', `Time      ${summary.time.firstText} … ${summary.time.lastText}`);
  if (summary.extent) {
    const e = summary.extent;
    lines.push(`Extent    lat ${e.south.toFixed(4)} … ${e.north.toFixed(4)}, lng ${e.west.toFixed(4)} … ${e.east.toFixed(4)}`);
  }
  const droppedTotal = report.read - report.kept;
  lines.push('', `Rows      ${n(report.read)} read = ${n(report.kept)} kept + ${n(droppedTotal)} dropped`);
  for (const reason of DROP_REASONS) {
    const count = report.dropped[reason];
    if (!count) continue;
    lines.push(`  ${reason.padEnd(22)} ${n(count).padStart(10)}  ${DROP_REASON_TEXT[reason]}`);
    for (const example of report.examples.filter((e) => e.reason === reason).slice(0, 2)) {
      const shown = Object.entries(example.values)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      lines.push(`  ${''.padEnd(22)} ${''.padStart(10)}  e.g. ${example.file} row ${n(example.row)}: ${shown}`);
    }
  }
  for (const by of report.breakdown ?? []) {
    if (by.values.length === 0) continue;
    lines.push('', `Dropped rows by ${by.role} (${by.column})${by.lost.length ? `: ${by.lost.length} lost every row` : ''}`);
    const label = (value: string | null): string => (value === null ? '(no value)' : value.length > 40 ? `${value.slice(0, 39)}…` : value);
    const width = Math.max(...by.values.map((v) => label(v.value).length));
    for (const v of by.values) {
      const why = Object.entries(v.dropped)
        .map(([reason, count]) => `${n(count)} ${reason}`)
        .join(', ');
      const lost = v.value !== null && by.lost.includes(v.value) ? '  LOST EVERY ROW' : '';
      lines.push(`  ${label(v.value).padEnd(width)}  ${n(v.read - v.kept).padStart(8)} of ${n(v.read).padStart(8)} dropped: ${why}${lost}`);
    }
    if (by.more) lines.push(`  … and ${n(by.more)} more ${by.role} values with drops (--json lists the first 20 and every lost one)`);
  }
  if (summary.categories.length) {
    lines.push('', `Categories (${summary.categories.length}${summary.uncategorised ? `, plus ${n(summary.uncategorised)} rows without one` : ''})`);
    // A 10 kB name is shown cut (the data keeps it whole; --json prints it whole).
    const shown = (name: string): string => (name.length > 60 ? `${name.slice(0, 40)}… (${n(name.length)} characters)` : name);
    const width = Math.max(...summary.categories.map((c) => shown(c.name).length));
    for (const c of summary.categories) lines.push(`  ${shown(c.name).padEnd(width)}  ${n(c.count).padStart(10)}`);
  }
  if (candidates) lines.push('', ...crsLines(candidates));
  for (const warning of cliLoadWarnings(incidents, mapping)) lines.push('', `Warning: ${warning}`);
  // Names from the files (categories, columns, the file's own) may hold terminal escapes: shown, not obeyed.
  process.stdout.write(`${lines.map(escapeTerminal).join('\n')}\n`);
}

/** The x/y columns to rank CRSs for: the flags' or the detected pair; null for lat/lng. */
function xyColumns(
  sources: Parameters<typeof detectMapping>[0] & readonly unknown[],
  flags: { x?: string; y?: string; lat?: string },
): { x: string; y: string } | null {
  if (flags.lat) return null;
  const detected = detectMapping(sources).location[0];
  const x = flags.x ?? (detected?.kind === 'xy' ? detected.x : undefined);
  const y = flags.y ?? (detected?.kind === 'xy' ? detected.y : undefined);
  return x && y ? { x, y } : null;
}

/** The ranked CRS candidates as printed lines. */
function crsLines(candidates: readonly CrsCandidate[]): string[] {
  if (candidates.length === 0) return ['CRS candidates: none of the EPSG registry puts these x/y on land inside its area of use'];
  return ['CRS candidates for these x/y, best first (--crs EPSG:…)', ...candidates.map((c, i) => `  ${i + 1}. ${describeCrsCandidate(c)}`)];
}
