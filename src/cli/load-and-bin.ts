import type { BinOptions } from '../lib/grid/bin-incidents';
import type { PanelFileOptions } from '../lib/grid/panel-file';
import type { ColumnMapping } from '../lib/io/column-mapping';
import { InputError } from '../lib/io/input-error';
import { loadMappingCrs } from '../lib/io/load-crs';
import type { CoordinateWatch } from '../lib/io/load-incidents-stream';
import type { ArrowSource } from '../lib/io/read-arrow';
import { loadStreams, openStreams, type Opened, type StreamedLoad } from '../lib/pipeline/load';
import { prepareLoaded, preparePanel, type PreparedPanel } from '../lib/pipeline/prepare-panel';
import { giveScratch, MAX_BUFFERS, MAX_BYTES, takeInt32 } from '../lib/base/scratch-memory';
import { BinThreadClosed, binThreadFor, MIN_THREAD_ROWS, type BinThread } from './bin-threads';
import { nodeSha256 } from './file-byte-source';
import { fileIdentity, hashFiles, type FileDigests } from './hash-files';
import { mappingFromFlags, type MappingFlags } from './mapping-flags';
import type { Progress } from './progress';
import { byteSources } from './read-sources';

/**
 * The resolution at which a streamed load's raw coordinates are worth looking up while the file is
 * read: the binning's, when they are the binned ones (lat/lng, not a projected mapping) and no row
 * filter (--category, a time range) may drop most rows — then most lookups would be wasted CPU and
 * the binning would wait for them. Undefined: no warming.
 * @example warmResolution({ ...mapping, categories: ['HOMICIDE'] }, { res: 8, unit: 'day' }) // → undefined
 */
export function warmResolution(mapping: ColumnMapping | undefined, bin: BinOptions | undefined): number | undefined {
  if (!mapping || mapping.location.kind !== 'latlng' || mapping.categories?.length || mapping.timeRange) return undefined;
  return bin?.res;
}

/**
 * The `CoordinateWatch` that sends a streamed load's record batches to the binning thread to be
 * looked up while the file is read, at the resolution `res()` gives when it is called (undefined:
 * none). The coordinate arrays go on shared memory so the thread reads them without a copy — when
 * they are allocated once (the row count known up front); arrays that still grow are sent as
 * copies (transferred), so a queued batch never holds a superseded array alive. None without a thread.
 */
function warmThread(thread: Partial<BinThread>, res: () => number | undefined): CoordinateWatch | undefined {
  const { warm, touch } = thread;
  if (!warm) return undefined;
  let prefaulted = false;
  return {
    allocate: (rows) => {
      if (!prefaulted && touch && rows >= MIN_THREAD_ROWS) {
        prefaulted = true;
        prefaultScratch(rows, touch);
      }
      return new Float64Array(new SharedArrayBuffer(rows * 8));
    },
    batch: (lat, lng, moves) => {
      const at = res();
      if (at === undefined) return;
      if (moves) warm(Float64Array.from(lat), Float64Array.from(lng), at, true);
      else warm(lat, lng, at);
    },
  };
}

/**
 * Puts three row-sized buffers in the scratch memory (`takeInt32`: the duplicate finder takes them,
 * then the binning and the panel file) and has the binning thread fault their pages in while it is
 * otherwise idle, before the record batches it looks up: this thread then writes them without page faults.
 */
export function prefaultScratch(rows: number, touch: BinThread['touch']): void {
  const kept = Math.min(3, MAX_BUFFERS, Math.floor(MAX_BYTES / (rows * 4))); // what the pool would refuse is not made
  if (kept === 0) return;
  const arrays = Array.from({ length: kept }, () => takeInt32(rows));
  const shared = arrays.map((array) => array.buffer).filter((buffer) => buffer instanceof SharedArrayBuffer);
  touch(shared);
  giveScratch(...arrays);
}

/**
 * The files' digests from the binning thread (`BinThread.fingerprint`), or — when the thread has
 * ended or cannot take the request — hashed here, so a thread that dies costs time, never the
 * command. A file that changed while read (an InputError) is reported as such either way; a
 * thread closed by the command before it answered (`BinThreadClosed`: the digests are no longer
 * wanted) rejects, and nothing is hashed here.
 */
export async function fingerprintOnThread(fingerprint: BinThread['fingerprint'], files: Parameters<typeof hashFiles>[0]): Promise<FileDigests> {
  try {
    return await fingerprint(files);
  } catch (error) {
    if (error instanceof InputError || error instanceof BinThreadClosed) throw error;
    return hashFiles(files);
  }
}

/**
 * Bytes of decoded record batches a load keeps from its decode pass for its quote pass, all its
 * Arrow files together (`OpenStreamsOptions.keepBatchBytes`): reading and checking Chicago's 69 MB
 * again cost the load 30–50 ms of the main thread and more of waiting for the reads. The cost is
 * memory: the kept batches are held through the load's rules (a file of one batch, as Chicago's,
 * is held that long anyway; a file of many batches adds up to this much to the peak); files beyond
 * the budget are read again.
 */
export const KEEP_BATCH_BYTES = 256 << 20;

/** What `loadAndBin` needs besides the paths: the mapping flags, the binning for each kind of file, and panel-file overrides. */
export interface LoadAndBinOptions {
  readonly flags: MappingFlags & { category?: string[] };
  /** The binning for incident files (called once the kind is known; may throw the usage error for a missing --res/--bucket) and for panel files (usually none). */
  readonly binFor: (kind: Opened['kind']) => BinOptions | undefined;
  /** Bucket and zone overrides for a pre-binned panel file from another engine. */
  readonly panelFile?: PanelFileOptions;
  readonly progress: Progress;
}

/** What `loadAndBin` gives: the files opened (fingerprints), the mapping used (none for a panel file) and the prepared panel. */
export interface LoadedAndBinned {
  readonly opened: Opened;
  readonly mapping: ColumnMapping | undefined;
  readonly prepared: PreparedPanel;
}

/**
 * The load and bin stages of every command that reads incident or panel files from disk
 * (`hexcast bin`, and through `loadFromFlags` backtest, check-claim, leakage, fit): Arrow
 * incident files load as they stream (`loadStreams`: a few record batches of raw rows at a
 * time, the mapping decided from the file's head, `readHead`), other formats and panel files are read whole;
 * binning is split over a second thread (`binThreadFor`, started before the read so its start-up
 * overlaps it, closed once binned). The panel, its row accounting and fingerprint equal the
 * whole-file path's (test/cli-streamed-load.test.ts).
 * @example const { prepared } = await loadAndBin(['chicago.arrow'], { flags, binFor: () => bin, progress });
 */
export async function loadAndBin(paths: readonly string[], options: LoadAndBinOptions): Promise<LoadedAndBinned> {
  const { flags, binFor, progress } = options;
  progress.stage('reading');
  const thread = binThreadFor(paths);
  let mapping: ColumnMapping | undefined;
  let bin: BinOptions | undefined;
  const mapped = async (sources: readonly ArrowSource[]): Promise<ColumnMapping> => {
    const m = mappingFromFlags(sources, flags, flags.category);
    bin = binFor('incidents'); // a missing --res fails here, before the rest of the file is read
    progress.stage('loading and binning');
    await loadMappingCrs(m);
    return (mapping = m);
  };
  try {
    const inputs = await byteSources(paths);
    // Which files these are, as opened: the thread's fingerprint must hash these very files (`hashFiles`).
    const hashed = thread.fingerprint ? paths.map((path, i) => ({ path, identity: { ...fileIdentity(path), size: inputs[i].size } })) : [];
    // HEXCAST_STREAM=off: every file opened whole first (`openStreams`), the path before streaming — for the benchmark and the parity test.
    const streamed: StreamedLoad =
      process.env.HEXCAST_STREAM === 'off'
        ? { opened: await openStreams(inputs, { sha256: nodeSha256 }) }
        : await loadStreams(inputs, mapped, {
            sha256: nodeSha256,
            fingerprints: thread.fingerprint && (() => fingerprintOnThread(thread.fingerprint!, hashed)),
            coordinates: warmThread(thread, () => warmResolution(mapping, bin)),
            keepBatchBytes: KEEP_BATCH_BYTES,
          });
    const { opened } = streamed;
    if (!streamed.loaded) {
      if (opened.kind === 'panel') {
        mapping = undefined;
        bin = binFor('panel');
        progress.stage('loading and binning');
      } else await mapped(opened.sources);
    }
    const settings = { mapping, bin: bin && { ...bin, assign: thread.assign }, panelFile: options.panelFile };
    const prepared = streamed.loaded ? prepareLoaded(opened, streamed.loaded, settings) : preparePanel(opened.sources, opened.sha256, settings);
    return { opened, mapping, prepared };
  } finally {
    thread.close();
  }
}
