import type { BucketUnit } from '../lib/grid/time-bucket';
import { loadMappingCrs } from '../lib/io/load-crs';
import type { BinOptions } from '../lib/grid/bin-incidents';
import { preparePanel, type PreparedPanel } from '../lib/pipeline/prepare-panel';
import { applyBoundary, readBoundary, type BoundedPanel } from '../lib/pipeline/region';
import { BIN_OPTIONS, binOptionsFromFlags } from './bin-flags';
import { MAPPING_OPTIONS, mappingFromFlags, type MappingFlags } from './mapping-flags';
import type { Progress } from './progress';
import { readSources } from './read-sources';
import { binThreadFor } from './bin-threads';
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

/** What `loadFromFlags` read: the files, the panel prepared from them and the panel with its boundary applied. */
export interface LoadedFromFlags {
  readonly opened: Awaited<ReturnType<typeof readSources>>;
  readonly prepared: ReturnType<typeof preparePanel>;
  readonly bounded: BoundedPanel;
}

/**
 * Reads the files and the boundary, maps, bins and bounds the panel as the flags say — the same
 * stages for `hexcast backtest` and `hexcast leakage`. Incident files need --res and --bucket (the
 * usage error names the missing one); a panel file has its own. `givenBin` is the binning the
 * flags gave, checked before any file was read.
 */
export async function loadFromFlags(
  positionals: readonly string[],
  values: RunFlags,
  givenBin: BinOptions | undefined,
  progress: Progress,
): Promise<LoadedFromFlags> {
  progress.stage('reading');
  // Started before the read so its start-up overlaps it; unref'd, and closed once binned.
  const thread = binThreadFor(positionals);
  let opened: LoadedFromFlags['opened'];
  let boundaryText: string | undefined;
  let prepared: PreparedPanel;
  try {
    opened = await readSources([...positionals]);
    boundaryText = values.boundary === undefined ? undefined : await readTextFile(values.boundary);
    const mapping = opened.kind === 'panel' ? undefined : mappingFromFlags(opened.sources, values, values.category);
    const bin = givenBin ?? (opened.kind === 'panel' ? undefined : binOptionsFromFlags(values, true));
    progress.stage('loading and binning');
    await loadMappingCrs(mapping);
    // A panel from another engine (docs/engines.md) takes its periods' zone and bucket from --tz and --bucket; a file from `hexcast bin` keeps its own.
    const panelFile = opened.kind === 'panel' ? { timeZone: values.tz, unit: values.bucket as BucketUnit | undefined } : undefined;
    prepared = preparePanel(opened.sources, opened.sha256, { mapping, bin: bin && { ...bin, assign: thread.assign }, panelFile });
  } finally {
    thread.close();
  }
  const boundary = boundaryText === undefined ? undefined : await readBoundary({ name: values.boundary!, text: boundaryText }, prepared.panel.res);
  return { opened, prepared, bounded: applyBoundary(prepared.panel, boundary) };
}
