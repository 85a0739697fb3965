import type { BucketUnit } from '../lib/grid/time-bucket';
import type { BinOptions } from '../lib/grid/bin-incidents';
import type { ColumnMapping } from '../lib/io/column-mapping';
import type { Opened } from '../lib/pipeline/load';
import type { PreparedPanel } from '../lib/pipeline/prepare-panel';
import { applyBoundary, readBoundary, type Boundary, type BoundedPanel } from '../lib/pipeline/region';
import { BIN_OPTIONS, binOptionsFromFlags } from './bin-flags';
import { MAPPING_OPTIONS, type MappingFlags } from './mapping-flags';
import { loadAndBin } from './load-and-bin';
import { noteLoadWarnings } from './load-warnings';
import type { Progress } from './progress';
import { readTextFile } from './read-text-file';

/** The flags of every command that runs models on incident or panel files: mapping, binning, protocol, boundary, models. */
export const RUN_OPTIONS = {
  ...MAPPING_OPTIONS,
  ...BIN_OPTIONS,
  category: { type: 'string', multiple: true },
  horizon: { type: 'string' },
  folds: { type: 'string' },
  step: { type: 'string' },
  window: { type: 'string' },
  refit: { type: 'string' },
  validation: { type: 'string' },
  coverage: { type: 'string' },
  seed: { type: 'string' },
  boundary: { type: 'string' },
  models: { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

/** The run flags as parsed. */
export type RunFlags = MappingFlags & {
  res?: string;
  bucket?: string;
  tz?: string;
  'keep-partial'?: boolean;
  'max-panel-mb'?: string;
  category?: string[];
  boundary?: string;
};

/** What `loadFromFlags` read: the files, the mapping, the panel prepared from them, the panel with its boundary applied, and the boundary at any resolution. */
export interface LoadedFromFlags {
  readonly opened: Opened;
  readonly mapping: ColumnMapping | undefined;
  readonly prepared: PreparedPanel;
  readonly bounded: BoundedPanel;
  /** The --boundary file's cover at resolution `res` (undefined without --boundary): for re-binning at other resolutions. */
  readonly boundaryAt: (res: number) => Promise<Boundary | undefined>;
}

/**
 * Reads the files and the boundary, maps, bins and bounds the panel as the flags say — the same
 * stages for `hexcast backtest`, `check-claim`, `leakage` and `fit`, and the same streamed load
 * and threaded binning as `hexcast bin` (`loadAndBin`). Incident files need --res and --bucket
 * (the usage error names the missing one); a panel file has its own. `givenBin` is the binning
 * the flags gave, checked before any file was read. The load's warnings are printed on stderr
 * (`noteLoadWarnings`).
 */
export async function loadFromFlags(
  positionals: readonly string[],
  values: RunFlags,
  givenBin: BinOptions | undefined,
  progress: Progress,
): Promise<LoadedFromFlags> {
  // The boundary file is read first: a wrong path fails before minutes of loading, not after.
  const boundaryText = values.boundary === undefined ? undefined : await readTextFile(values.boundary);
  // A panel from another engine (docs/engines.md) takes its periods' zone and bucket from --tz and --bucket; a file from `hexcast bin` keeps its own.
  const { opened, mapping, prepared } = await loadAndBin(positionals, {
    flags: values,
    binFor: (kind) => givenBin ?? (kind === 'panel' ? undefined : binOptionsFromFlags(values, true)),
    panelFile: { timeZone: values.tz, unit: values.bucket as BucketUnit | undefined },
    progress,
  });
  // The load's warnings on stderr, as 'hexcast bin' prints them; the reports keep them too (their data section).
  noteLoadWarnings(progress, prepared.binned.data);
  const boundaryAt = async (res: number): Promise<Boundary | undefined> =>
    boundaryText === undefined ? undefined : readBoundary({ name: values.boundary!, text: boundaryText }, res);
  return { opened, mapping, prepared, bounded: applyBoundary(prepared.panel, await boundaryAt(prepared.panel.res)), boundaryAt };
}
