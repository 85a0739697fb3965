/**
 * Every code a Hexcast error can carry, with its one-line meaning. Codes are stable: the app
 * and the CLI decide where and how to show an error by its `code` and its data (`file`,
 * `column`, `row`, `field`), never by its message, so messages may be reworded freely. A new
 * failure gets a new code here; an existing code is never renamed or given another meaning.
 *
 * @example ERROR_CODES['crs-unknown'] // → 'an EPSG code that is not in the EPSG registry Hexcast ships'
 */
export const ERROR_CODES = {
  // Files
  'no-files': 'no input file was given',
  'file-unreadable': 'the file could not be read from disk (missing, a directory, no permission)',
  'file-empty': 'the file has 0 bytes',
  'file-truncated': 'the file starts like Arrow but ends early (a cut-short download or copy)',
  'not-arrow': 'the file is another format (CSV, Parquet, JSON, …), not Apache Arrow IPC',
  'file-corrupt': 'the Arrow file is inconsistent or a buffer does not decompress',
  'parquet-unsupported': 'a Parquet column has a type or compression Hexcast does not read (nested lists, binary, TIME, INTERVAL, an unknown codec)',
  'no-columns': 'the file holds no columns',
  'no-rows': 'the file has columns but no rows',
  'csv-malformed': "no record of the CSV file has the header's field count, or its first quote never closes (the message names the line and field)",
  'gzip-corrupt': 'the gzip-compressed file does not decompress (cut short or damaged)',
  'geojson-invalid': 'the GeoJSON file is not JSON, or not a FeatureCollection or Feature',
  'geojson-not-points': 'the GeoJSON file holds lines or polygons, not incident points (areas load as Areas, a study region as Boundary)',
  'geojson-too-large': 'the GeoJSON file is larger than one JSON text can be read as (about 512 MiB): convert it to CSV or Parquet',
  'mixed-inputs': 'pre-binned panel files and incident files were given together',
  // Column mapping
  'mapping-invalid': 'the column mapping itself is malformed (`field` names the bad entry)',
  'mapping-undetected': 'a column could not be chosen automatically: name it',
  'column-missing': 'a mapped column is not in the file',
  'column-type': "a mapped column's type cannot play its role (e.g. text as a latitude)",
  'column-types-differ': 'a mapped column has different types in the files loaded together',
  'time-unit-unknown': 'epoch numbers whose unit (s, ms, µs, ns) cannot be inferred: declare it',
  'time-unit-implausible': "the time column's declared unit puts its values outside 1973–2286 where another unit would not: declare that unit",
  'time-mixed-offsets': 'ISO-8601 times mix strings with and without an offset',
  'clock-conflict': 'the declared clock (instant or wall) contradicts what the time values are',
  'time-zone-unknown': 'not a known IANA time zone',
  'crs-unknown': 'an EPSG code that is not in the EPSG registry Hexcast ships',
  'crs-invalid': 'neither an EPSG code nor a proj4 string or WKT that proj4 accepts',
  'crs-grid-unsupported': 'the CRS shifts its datum with a grid file Hexcast cannot load offline and has no substitute for',
  'category-filter-without-column': 'a category filter was given without a category column',
  // Pre-binned panel files
  'panel-no-rows': 'the panel file has no usable (cell, period, count) row',
  'panel-mixed-resolutions': 'the panel file mixes H3 resolutions',
  'panel-metadata': "the panel file's Hexcast metadata is unreadable",
  'panel-bucket-unknown': "the panel's bucket unit or zone cannot be told from its periods: state them",
  // External forecast files (forecasts made elsewhere)
  'external-columns': 'the forecast file lacks a period, or a cell / location column (or has an ambiguous one): name it',
  'external-kind': 'the declared kind does not fit the forecast file (a count with negative values, flags without places)',
  'external-no-folds': 'the forecast file covers no fold of the backtest, or the files share none',
  'external-name': 'an external model name is empty, repeated or the name of another model',
  // Binning and the study region
  'settings-missing': 'a stage was asked for without the settings it needs (mapping, resolution, bucket)',
  'resolution-invalid': 'not an H3 resolution from 0 to 15',
  'bucket-unknown': 'not a time bucket unit (hour, day, week, month)',
  'nothing-to-bin': 'every row was dropped or filtered before binning',
  'panel-too-large': 'periods × cells exceed the panel size limit: coarser cells or longer buckets',
  'time-range-implausible': 'a few incidents far outside the bulk of the data stretch the time range past the panel size limit',
  'boundary-invalid': 'the boundary file is not JSON, or not a GeoJSON (Multi)Polygon',
  'boundary-empty': 'the boundary covers no H3 cell centre at this resolution',
  'region-empty': 'the study region has no cell',
  // Area attribute layers (census block groups and the like)
  'areas-invalid': 'the area file is not JSON, or not a GeoJSON FeatureCollection (or Feature) of polygons',
  'areas-no-polygons': 'no feature of the area file has a usable Polygon or MultiPolygon (all dropped or refused)',
  'areas-no-attributes': 'no property of the area file holds numbers (or digit strings) to apportion',
  'areas-column': 'an area group or total column is not a numeric column of the area file, or no group column could be chosen: name them',
  // Protocol
  'protocol-invalid': 'a protocol setting is out of range (`field` names it, e.g. protocol.horizon)',
  'panel-too-short': 'the panel has too few periods for the folds, horizon and step asked for',
  'history-too-short': 'a model needs more training periods than the first fold has',

  // Models from outside: user code (--model-file, check-model) and saved models (--frozen-model)
  'model-file': 'a model file cannot be loaded as a JavaScript/TypeScript module, or exports no valid model definition',
  'model-contract': 'a model from a file breaks the Forecaster contract (shape, ≥ 0 and finite, no reads past the cutoff, determinism)',
  'saved-model-invalid': 'the file is not a Hexcast saved model this version reads (wrong format, version or a damaged weight block)',
  'saved-model-mismatch': 'a saved model does not fit the panel: another H3 resolution, time bucket or feature set than it was trained on',

  'claim-unrecognised': 'a claim text matches none of the forms the claim checker reads (the message lists them)',
  'claim-invalid': "a claim's figure is out of range (a share above 100 %, an area of 0)",
  // Calls and the runtime
  usage: 'the command or request was called wrongly (a flag, a model list, a report file)',
  'report-invalid': 'the file is not a Hexcast report this version reads',
  aborted: 'the request was cancelled or superseded by a newer one',
  'worker-died': 'the background worker stopped (out of memory or an uncaught error)',
  'off-origin-request': "the app's worker tried to reach another origin, which Hexcast never does (its network guard refused)",
  internal: 'an unexpected failure (a bug): the message is all there is',
  'bad-input': 'an input problem without a more specific code',
} as const satisfies Record<string, string>;

/** A stable error code (a key of `ERROR_CODES`). */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * True when `value` is one of `ERROR_CODES`.
 * @example isErrorCode('crs-unknown') // → true; isErrorCode('nope') // → false
 */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
