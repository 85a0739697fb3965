import { HEXCAST_VERSION } from '../lib/base/versions';

/** The package version, printed by `hexcast --version`. */
export const VERSION: string = HEXCAST_VERSION;

/** Flags shared by every command that reads incident files. */
export const MAPPING_HELP = `Column mapping (auto-detected; override any part):
  --time COL            time column (Timestamp, Date, integer epoch, ISO-8601 text,
                        or text with the year last: 01/31/2018 11:59:00 PM)
  --time-unit UNIT      unit of an epoch column, or a Timestamp's if its type is wrong:
                        s, ms, us, ns
  --tz ZONE             IANA zone: of wall-clock readings, or to bucket instants in
  --clock instant|wall  override the type's clock: instant reads zone-less times as
                        UTC instants; wall reads epoch numbers as local readings
  --lat COL --lng COL   WGS84 latitude/longitude columns
  --x COL --y COL       projected coordinate columns, with
  --crs CRS             their CRS: any EPSG code (EPSG:2913, 5348), a proj4
                        string (+proj=…) or WKT (the text of a .prj file)
  --category-column COL category column (none: --category-column '')
  --place COL           a column naming places (district, beat, neighbourhood,
                        address block): cells are named by its most common value
                        and drops are broken down by it
  --keep-outliers       keep rows far outside the bulk of the data (place or time)
  --duplicates keep|drop  rows repeating an earlier row in every column: keep
                        (default, counted in a warning) or drop them ('duplicate')
`;

/** Top-level usage. */
export const HELP = `hexcast ${VERSION}: check crime-forecasting claims against honest baselines.

Usage: hexcast <command> [options]

Commands:
  inspect FILE…   detected column mapping, time range, categories, row accounting
  bin FILE…       bin incidents into an H3 × time panel (Arrow: cell, period, count, area_m2)
  backtest FILE…  rolling-origin backtest of baselines and learned models; writes a report
  report FILE     re-render a report.json as Markdown and/or HTML
  check-claim FILE… --claim TEXT
                  check a stated claim ("40 % of crimes in 3 % of the city") on your data
  models          list the models and their parameters
  fit FILE… --model SPEC --out model.json
                  fit one learned model once and save it, to re-test it frozen on later data
  check-model FILE
                  the Forecaster contract test on your own model file (docs/own-model.md)
  leakage FILE…   the honest backtest next to six common mistakes: how much each inflates every metric

Incident and panel FILEs: Apache Arrow IPC (.arrow, .arrows, Feather v2), Parquet (.parquet:
uncompressed, snappy, gzip, zstd, brotli, lz4), CSV or TSV (delimiter, header and decimal
commas detected), gzipped (.csv.gz) or GeoJSON points (.geojson); told apart by their bytes.

Run 'hexcast <command> --help' for a command's options.
Exit codes: 0 ok, 1 the work failed (the reason is on stderr), 2 wrong usage, 130 interrupted.
`;

/** The area flags of `hexcast backtest` (who gets flagged: exposure, issue #13). */
export const AREAS_HELP = `Areas (who gets flagged):
  --areas FILE          GeoJSON FeatureCollection of polygons with numeric properties (census
                        block groups: population by group, households by income); digit strings
                        are read as numbers. Apportioned to the panel's cells by area overlap
                        (measured with H3 cells 3 resolutions finer) and kept in the forecasts
                        file as area_<column>; the accounting (what parsed, what not, covered
                        area) is printed
  --area-groups LIST    comma-separated population group columns (default: columns named after
                        a race or ethnicity: black, white, asian, hispanic, latino, native, …)
  --area-total COL      the population the groups are shares of (default: a column named as a
                        population or race total, else the sum of the groups; with
                        --area-groups, the sum)
`;
