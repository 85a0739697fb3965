import { DEFAULT_PROTOCOL, type Protocol } from '../lib/evaluate/protocol';
import type { ColumnMapping } from '../lib/io/column-mapping';
import type { BinSettings } from '../lib/pipeline/bin';
import { DEFAULT_BINNING, DEFAULT_MODELS } from '../lib/pipeline/defaults';
import type { BoundaryFile } from '../lib/pipeline/region';
import type { BackendPreference } from '../lib/worker/protocol';

/** Where the data of an experiment comes from: a bundled sample, or the user's files (checked by SHA-256). */
export type DataSource =
  { readonly kind: 'sample'; readonly id: string } | { readonly kind: 'files'; readonly files: readonly { readonly name: string; readonly sha256: string }[] };

/** A forecast file made elsewhere, as a link records it: the model name, the file (checked by SHA-256) and the kind declared ('auto': detected). */
export interface ExternalRef {
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
  readonly kind: 'auto' | 'count' | 'score' | 'flags';
}

/**
 * Everything that fixes a result: the data, how its columns are read, how it is binned, which
 * models run and under which protocol. It lives in the URL, so a link reproduces the numbers.
 */
export interface Experiment {
  readonly source: DataSource;
  /** null: use the mapping detected from the file. */
  readonly mapping: ColumnMapping | null;
  readonly binning: BinSettings;
  /** The GeoJSON boundary whose H3 cover is the study region; null: cells with an incident before the first cutoff. */
  readonly boundary: BoundaryFile | null;
  /** Model specs as `id:key=value` strings. */
  readonly models: readonly string[];
  readonly protocol: Protocol;
  readonly backend: BackendPreference;
  /** Forecasts made elsewhere, scored with the models (absent or empty: none). */
  readonly external?: readonly ExternalRef[];
}

/** The default experiment on a source: the core's default binning, models and protocol. */
export function defaultExperiment(source: DataSource): Experiment {
  return { source, mapping: null, binning: DEFAULT_BINNING, boundary: null, models: DEFAULT_MODELS, protocol: DEFAULT_PROTOCOL, backend: 'auto' };
}
