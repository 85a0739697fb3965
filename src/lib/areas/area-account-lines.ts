import type { AreaAttributes } from './area-attributes';
import type { AreaLayer } from './area-layer';
import type { AreaApportioning } from './apportion-areas';

const LIST = 6;

/**
 * The accounting of an area layer as plain lines (the CLI prints them, the app lists them):
 * features read, used and dropped (with ids and reasons), geometry repairs, how each property
 * was classed, every value not parsed (by column, with features), the groups and total, and —
 * once apportioned — the share of the cells' area covered and what reached the cells.
 * @example areaAccountLines(layer)[0] // → 'areas plainfield.geojson: 35 features, 35 used, 0 dropped'
 */
export function areaAccountLines(layer: AreaLayer, apportioned?: { attributes: AreaAttributes; apportioning: AreaApportioning }): string[] {
  const lines = [`areas ${layer.source}: ${count(layer.read, 'feature')}, ${layer.features.length} used, ${layer.dropped.length} dropped`];
  for (const reason of ['not-polygon', 'refused'] as const) {
    const dropped = layer.dropped.filter((d) => d.reason === reason);
    if (dropped.length > 0)
      lines.push(
        `  ${reason === 'refused' ? 'refused (invalid geometry)' : 'not polygons'}: ${listed(
          dropped.map((d) => `${d.feature} (${d.detail})`),
          '; ',
        )}`,
      );
  }
  const { closed, rewound, repeats } = layer.repairs;
  if (closed + rewound + repeats > 0)
    lines.push(`  repaired: ${count(rewound, 'ring')} rewound, ${count(closed, 'ring')} closed, ${count(repeats, 'repeated position')} removed`);
  const byKind = (kind: string): string[] => layer.accounts.filter((a) => a.kind === kind).map((a) => a.name);
  lines.push(`  columns: ${byKind('numeric').length} numeric (${byKind('numeric').join(', ')})`);
  const identifiers = byKind('identifier');
  const texts = byKind('text');
  if (identifiers.length + texts.length > 0)
    lines.push(
      `  not apportioned: ${[identifiers.length ? `identifiers ${identifiers.join(', ')}` : '', texts.length ? `text ${texts.join(', ')}` : ''].filter(Boolean).join('; ')}`,
    );
  for (const account of layer.accounts)
    if (account.unparsed.length > 0)
      lines.push(
        `  ${account.name}: ${account.parsed} parsed, ${account.unparsed.length} not (counted as 0): ${listed(
          account.unparsed.map((u) => `${u.feature} ${u.reason === 'missing' ? 'missing' : `${u.reason} ${JSON.stringify(u.value)}`}`),
          ', ',
        )}`,
      );
  if (!apportioned) return lines;
  const { attributes, apportioning: a } = apportioned;
  lines.push(`  groups: ${attributes.groups.map((g) => g.name).join(', ')}; total: ${attributes.total.name}`);
  const km2 = (m2: number): string => `${(m2 / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} km²`;
  const share = a.cellArea > 0 ? a.coveredArea / a.cellArea : 0;
  lines.push(
    `  cells: ${km2(a.coveredArea)} of ${km2(a.cellArea)} covered by polygons (${percent(share)}); ${km2(a.cellArea - a.coveredArea)} uncovered (measured with resolution-${a.fineRes} cells)`,
  );
  lines.push(
    `  polygons: ${a.inside} inside the cells, ${a.partly.length} partly, ${a.outside.length} outside${a.tiny.length ? `, ${a.tiny.length} smaller than one fine cell` : ''}`,
  );
  if (a.partly.length > 0)
    lines.push(
      `    partly: ${listed(
        a.partly.map((p) => `${p.feature} ${percent(p.share)} inside`),
        ', ',
      )}`,
    );
  if (a.outside.length > 0) lines.push(`    outside: ${listed(a.outside, ', ')}`);
  const shown = [...attributes.groups.map((g) => g.name), attributes.total.name];
  for (const column of a.columns)
    if (shown.includes(column.name))
      lines.push(
        `  ${column.name}: ${round(column.inCells)} of ${round(column.inFile)} apportioned to the cells (${percent(column.inFile > 0 ? column.inCells / column.inFile : 1)})`,
      );
  return lines;
}

function listed(items: readonly string[], separator: string): string {
  return items.length <= LIST ? items.join(separator) : `${items.slice(0, LIST).join(separator)}${separator}… and ${items.length - LIST} more`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

function round(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
