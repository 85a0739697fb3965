import { CLOCKS, DUPLICATE_CHOICES, EPOCH_UNITS, type ColumnMapping, type DuplicateChoice, type EpochUnit } from '../lib/io/column-mapping';
import type { Clock } from '../lib/io/incidents';
import { detectMapping, type MappingSuggestion } from '../lib/io/detect-mapping';
import { suggestTime } from '../lib/io/suggest-time';
import { InputError } from '../lib/io/input-error';
import type { ArrowSource } from '../lib/io/read-arrow';
import { UsageError } from './usage-error';

/** The parseArgs option table for the column-mapping flags (see MAPPING_HELP). */
export const MAPPING_OPTIONS = {
  time: { type: 'string' },
  'time-unit': { type: 'string' },
  tz: { type: 'string' },
  clock: { type: 'string' },
  lat: { type: 'string' },
  lng: { type: 'string' },
  x: { type: 'string' },
  y: { type: 'string' },
  crs: { type: 'string' },
  place: { type: 'string' },
  'category-column': { type: 'string' },
  'keep-outliers': { type: 'boolean' },
  duplicates: { type: 'string' },
} as const;

/** The values of the mapping flags, as parseArgs returns them. */
export interface MappingFlags {
  time?: string;
  'time-unit'?: string;
  tz?: string;
  clock?: string;
  lat?: string;
  lng?: string;
  x?: string;
  y?: string;
  crs?: string;
  place?: string;
  'category-column'?: string;
  'keep-outliers'?: boolean;
  duplicates?: string;
}

/**
 * The column mapping for these files: the auto-detected one, with every flag given taking
 * precedence. Throws a usage error for contradictory flags (lat/lng with x/y) and an
 * InputError listing what is still missing when detection and flags leave a gap (e.g. a
 * projected file without --crs).
 */
export function mappingFromFlags(sources: readonly ArrowSource[], flags: MappingFlags, categories?: readonly string[]): ColumnMapping {
  if ((flags.lat || flags.lng) && (flags.x || flags.y)) throw new UsageError('give either --lat/--lng or --x/--y, not both');
  if (flags['time-unit'] && !EPOCH_UNITS.includes(flags['time-unit'] as EpochUnit)) {
    throw new UsageError(`--time-unit must be ${EPOCH_UNITS.join(', ')}, got '${flags['time-unit']}'`);
  }
  if (flags.clock !== undefined && !CLOCKS.includes(flags.clock as Clock)) {
    throw new UsageError(`--clock must be instant (zone-less times are UTC) or wall (epoch numbers are local readings), got '${flags.clock}'`);
  }
  if (flags.duplicates !== undefined && !DUPLICATE_CHOICES.includes(flags.duplicates as DuplicateChoice)) {
    throw new UsageError(`--duplicates must be ${DUPLICATE_CHOICES.join(' or ')}, got '${flags.duplicates}'`);
  }
  // With every column named, detection has nothing to decide (it scans values of every column):
  // only the named time column is examined, for its declared zone and epoch unit.
  const named = flags.time !== undefined && flags['category-column'] !== undefined && ((flags.lat && flags.lng) || (flags.x && flags.y && flags.crs));
  const suggestion = named ? timeOnly(sources, flags.time as string) : detectMapping(sources);
  const detected = suggestion.mapping;
  const name = sources.map((s) => s.name).join(', ');

  const timeColumn = flags.time ?? detected?.time.column ?? suggestion.time[0]?.mapping.column;
  if (!timeColumn)
    throw new InputError(`${name}: no time column found; name one with --time COL`, {
      code: 'mapping-undetected',
      file: sources[0]?.name,
      field: 'mapping.time',
    });
  const baseTime = detected && detected.time.column === timeColumn ? detected.time : { column: timeColumn };
  const time = {
    ...baseTime,
    ...(flags['time-unit'] && { unit: flags['time-unit'] as EpochUnit }),
    ...(flags.tz && { timeZone: flags.tz }),
    ...(flags.clock && { clock: flags.clock as Clock }),
  };

  let location: ColumnMapping['location'];
  if (flags.lat || flags.lng) {
    if (!flags.lat || !flags.lng) throw new UsageError('--lat and --lng go together');
    location = { kind: 'latlng', lat: flags.lat, lng: flags.lng };
  } else if (flags.x || flags.y || flags.crs) {
    const candidate = suggestion.location.find((l) => l.kind === 'xy');
    const x = flags.x ?? (candidate?.kind === 'xy' ? candidate.x : undefined);
    const y = flags.y ?? (candidate?.kind === 'xy' ? candidate.y : undefined);
    if (!x || !y) throw new UsageError('name the projected columns with --x COL --y COL');
    if (!flags.crs) throw new UsageError(`--x/--y need --crs (an EPSG code such as EPSG:2913, a proj4 string or WKT)`);
    location = { kind: 'xy', x, y, crs: flags.crs };
  } else if (detected) {
    location = detected.location;
  } else {
    const missing = suggestion.missing.filter((m) => !m.startsWith('a time column'));
    throw new InputError(
      `${name}: the location cannot be mapped automatically: ${missing.join('; ') || 'no location columns'}; use --lat/--lng or --x/--y --crs`,
      {
        code: 'mapping-undetected',
        field: 'mapping.location',
        file: sources[0]?.name,
      },
    );
  }
  const columns = new Set(sources.flatMap((source) => source.table.schema.fields.map((f) => f.name)));
  const columnNamed = categories?.find((value) => columns.has(value));
  if (columnNamed !== undefined && flags['category-column'] === undefined) {
    throw new UsageError(
      `--category takes category values to keep, and '${columnNamed}' is a column: to choose the category column, use --category-column ${columnNamed}`,
    );
  }
  const categoryFlag = flags['category-column'];
  const suggestedCategory = suggestion.category[0] && suggestion.category[0].score > 0 ? suggestion.category[0].column : null;
  const category = categoryFlag !== undefined ? categoryFlag || null : (detected?.category ?? suggestedCategory);
  if (categories?.length && !category) {
    throw new UsageError('--category filters by value but the file has no category column detected; name it with --category-column COL');
  }
  return {
    time,
    location,
    category,
    ...(flags.place && { place: flags.place }),
    ...(categories?.length && { categories: [...categories] }),
    ...(flags['keep-outliers'] && { keepOutliers: true }),
    ...(flags.duplicates !== undefined && { duplicates: flags.duplicates as DuplicateChoice }),
  };
}

/**
 * The part of `detectMapping` a fully named mapping needs: the named time column's own mapping
 * (zone from its type or the file's metadata, epoch unit from its values), as if detection had
 * chosen it; nothing else is scanned.
 */
function timeOnly(sources: readonly ArrowSource[], column: string): MappingSuggestion {
  const source = sources[0];
  const time = source ? suggestTime(source.table.schema, source, column) : [];
  const mapping = time[0] ? { time: time[0].mapping, location: { kind: 'latlng', lat: '', lng: '' } as const, category: null } : null;
  return { mapping, time, location: [], category: [], place: [], missing: [] };
}
