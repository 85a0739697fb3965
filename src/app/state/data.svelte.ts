import type { ColumnMapping } from '../../lib/io/column-mapping';
import { isAbort, type WorkerClient } from '../../lib/worker/client';
import type { FileBytes, LoadResult, OpenResult, PanelLoadResult, PanelOptions } from '../../lib/worker/protocol';
import type { DataSource } from '../experiment';
import { emptyLoadError } from '../empty-load-error';
import { mappingErrorField, type MappingField } from '../mapping-error-field';

/** A load error with the mapping control it belongs next to (null: the file as a whole). */
export interface FieldError {
  readonly field: MappingField | null;
  readonly message: string;
}

/**
 * The Data step: which files are open, their preview and suggested mapping, the mapping in use,
 * and the load report — or, for a pre-binned panel file, the panel as read, the overrides it was
 * read with and its row accounting. Talks to the worker; knows nothing about binning.
 */
export class DataState {
  source = $state.raw<DataSource | null>(null);
  opened = $state.raw<OpenResult | null>(null);
  mapping = $state.raw<ColumnMapping | null>(null);
  loaded = $state.raw<LoadResult | null>(null);
  /** What the worker is doing, for a status line; null when idle. */
  status = $state<string | null>(null);
  openError = $state<string | null>(null);
  loadError = $state.raw<FieldError | null>(null);
  /** The pre-binned panel as read (panel files only). */
  panel = $state.raw<PanelLoadResult | null>(null);
  /** The bucket unit and zone overrides the panel was read with (files without Hexcast metadata only). */
  panelOptions = $state.raw<PanelOptions>({});
  /** Why the panel file could not be read (with the overrides last asked for). */
  panelError = $state<string | null>(null);
  /** Files an experiment link needs before it can be restored (names and SHA-256). */
  expected = $state.raw<readonly { readonly name: string; readonly sha256: string }[] | null>(null);
  /**
   * The user's files open now (null for a sample), kept so that a restarted worker can be sent
   * them again: the bytes sent to the worker are transferred, not copied, so only the File stays.
   */
  files: readonly File[] | null = null;

  constructor(private readonly client: WorkerClient) {}

  /** True when the open files are pre-binned panel files (cell, period, count) rather than incidents. */
  get isPanel(): boolean {
    return this.opened?.kind === 'panel';
  }

  /** Opens files from a file input or a drop; with `expected` set, refuses files whose SHA-256 differ. */
  async openFiles(files: readonly File[]): Promise<boolean> {
    if (files.length === 0) return false;
    this.status = `Reading ${files.length === 1 ? files[0].name : `${files.length} files`}`;
    const bytes = await Promise.all(files.map(async (file): Promise<FileBytes> => ({ name: file.name, bytes: await file.arrayBuffer() })));
    const opened = await this.open(bytes);
    if (!opened) return false;
    const expected = this.expected;
    if (expected) {
      const got = opened.sources.map((s) => s.sha256);
      if (expected.length !== got.length || expected.some((e, i) => e.sha256 !== got[i])) {
        this.openError =
          `These are not the files the link was made with: it expects ${expected.map((e) => `${e.name} (SHA-256 ${e.sha256.slice(0, 12)}…)`).join(', ')}, ` +
          `got ${opened.sources.map((s) => `${s.name} (${s.sha256.slice(0, 12)}…)`).join(', ')}.`;
        this.opened = null;
        return false;
      }
      this.expected = null;
    }
    this.source = { kind: 'files', files: opened.sources.map((s) => ({ name: s.name, sha256: s.sha256 })) };
    this.files = files;
    return true;
  }

  /** Fetches a bundled sample from this origin and opens it. */
  async openSample(id: string, file: string): Promise<boolean> {
    this.status = `Fetching sample ${file}`;
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}samples/${file}`);
      if (!response.ok) throw new Error(`could not fetch the sample '${file}': HTTP ${response.status}`);
      const opened = await this.open([{ name: file, bytes: await response.arrayBuffer() }]);
      if (!opened) return false;
      this.expected = null;
      this.source = { kind: 'sample', id };
      this.files = null;
      return true;
    } catch (error) {
      this.openError = error instanceof Error ? error.message : String(error);
      this.status = null;
      return false;
    }
  }

  /** Decodes the open files with `mapping`; an error (or a load that kept no row) is placed next to the control it concerns. */
  async load(mapping: ColumnMapping): Promise<boolean> {
    this.mapping = mapping;
    this.status = 'Decoding rows';
    try {
      this.loaded = await this.client.request('load', { mapping });
      this.loadError = emptyLoadError(this.loaded.report, mapping);
      return this.loadError === null;
    } catch (error) {
      if (isAbort(error)) return false;
      const e = error as Error & { column?: string };
      this.loaded = null;
      this.loadError = { field: mappingErrorField(e, mapping), message: e.message };
      return false;
    } finally {
      this.status = null;
    }
  }

  /**
   * Reads the open panel file with `options`; on failure the panel read before stays (and
   * stays in the worker) and the error is kept for the Binning step's controls.
   */
  async loadPanel(options: PanelOptions): Promise<boolean> {
    this.status = 'Reading the panel';
    try {
      this.panel = await this.client.request('load-panel', { options });
      this.panelOptions = options;
      this.panelError = null;
      return true;
    } catch (error) {
      if (isAbort(error)) return false;
      this.panelError = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      this.status = null;
    }
  }

  /** Forgets the open data (a restarted worker no longer holds it and it could not be sent again). */
  forget(): void {
    this.source = null;
    this.files = null;
    this.opened = null;
    this.mapping = null;
    this.clearLoaded();
  }

  /** Forgets what was read from the open files (the load, or the panel and its options). */
  private clearLoaded(): void {
    this.loaded = null;
    this.loadError = null;
    this.panel = null;
    this.panelOptions = {};
    this.panelError = null;
  }

  private async open(files: FileBytes[]): Promise<OpenResult | null> {
    this.openError = null;
    try {
      const opened = await this.client.request(
        'open',
        { files },
        {
          transfer: files.map((f) => f.bytes),
          onProgress: (p) => {
            if ('message' in p) this.status = p.message;
          },
        },
      );
      this.opened = opened;
      this.clearLoaded();
      if (opened.kind === 'panel') this.mapping = null;
      return opened;
    } catch (error) {
      this.openError = error instanceof Error ? error.message : String(error);
      return null;
    } finally {
      this.status = null;
    }
  }
}
