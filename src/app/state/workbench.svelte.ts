import type { ColumnMapping } from '../../lib/io/column-mapping';
import type { WorkerClient, WorkerDeath } from '../../lib/worker/client';
import type { BinSettings, PanelOptions } from '../../lib/worker/protocol';
import { appEnvironment } from '../environment';
import type { Experiment } from '../experiment';
import { encodeExperiment } from '../experiment-url';
import { H3_RESOLUTIONS } from '../h3-resolutions';
import { PageHash } from '../page-hash';
import { sampleById, SAMPLES } from '../samples';
import type { TaskProgress } from '../task-progress';
import { WASM_PATHS } from '../wasm-paths';
import { AreasState } from './areas.svelte';
import { BinningState } from './binning.svelte';
import { ClaimState } from './claim.svelte';
import { DataState } from './data.svelte';
import { BuilderState } from './builder.svelte';
import { ExperimentState } from './experiment.svelte';
import { ExternalState } from './external.svelte';
import { FrozenState } from './frozen.svelte';
import { RecentState } from './recent.svelte';
import { ResultsState } from './results.svelte';
import { LeakageState } from './leakage.svelte';
import { RunState } from './run.svelte';
import { helperCount } from '../pool/helper-count';

/** The five steps of the workbench, in order. */
export const STEPS = ['data', 'binning', 'experiment', 'run', 'results'] as const;
export type StepId = (typeof STEPS)[number];

/** The status line while a Run waits for the open files' SHA-256 (`Workbench.runWait`). */
export const RUN_WAITS_FOR_DIGEST = "Waiting for the files' SHA-256: the run starts once it is known (its report and link name the files by it).";

/** The notice when a Run that waited for the files' SHA-256 is not started because a bin runs when it comes (`Workbench.start`). */
const RUN_DROPPED_FOR_BIN = 'The waiting run was not started: the binning changed meanwhile. Press Run again once the panel is binned.';

/**
 * The workbench: the state of each step, the current step, and the sequences that span steps
 * (open → map → load → bin, or open → read a pre-binned panel → bin; restore an experiment from
 * a link; run and keep it in the recent list).
 */
export class Workbench {
  readonly data: DataState;
  readonly binning: BinningState;
  readonly areas: AreasState;
  readonly experiment: ExperimentState;
  /** The model builder's form (its models live in `experiment.models`). */
  readonly builder: BuilderState;
  readonly external: ExternalState;
  /** Saved models loaded to forecast the next runs frozen. */
  readonly frozen: FrozenState;
  readonly run: RunState;
  readonly results: ResultsState;
  readonly claim: ClaimState;
  readonly leakage: LeakageState;
  readonly recent = new RecentState();
  step = $state<StepId>('data');
  /** A message about restoring a link (or why it could not be restored). */
  notice = $state<string | null>(null);
  /** While a Run pressed waits for the open files' SHA-256 (`start`): the status line saying so; null otherwise (`cancelRunWait` withdraws it). */
  get runWait(): string | null {
    return this.queuedRun === null ? null : RUN_WAITS_FOR_DIGEST;
  }
  /** The Run pressed while the files' SHA-256 is pending, until it starts or is withdrawn: `start` runs only its own. */
  private queuedRun = $state.raw<object | null>(null);
  /** The URL parameters of the experiment the current result was run with. */
  ranWith = $state<string | null>(null);
  /** Why the worker stopped and what became of the open data, until dismissed (see `recover`). */
  workerError = $state<string | null>(null);
  /** True while the open data is being sent to a restarted worker. */
  private recovering = false;

  constructor(client: WorkerClient) {
    this.data = new DataState(client);
    this.binning = new BinningState(client);
    this.areas = new AreasState(client);
    this.experiment = new ExperimentState(client);
    this.builder = new BuilderState(client, this.experiment);
    this.external = new ExternalState(client);
    this.frozen = new FrozenState(client);
    this.run = new RunState(client);
    this.results = new ResultsState(client);
    this.claim = new ClaimState(client);
    this.leakage = new LeakageState(client);
    client.onDeath((death) => void this.recover(death));
  }

  /**
   * After the worker died — its pending requests were rejected and the client started a new
   * worker, which holds nothing — says so on screen and sends the open data again: the same
   * files (kept as Files) or sample, boundary, mapping or panel options, and binning. The run
   * result died with the old worker. Data that stops the worker again while being restored is
   * not sent a third time: the user is asked to reload it instead.
   */
  async recover(death: WorkerDeath): Promise<void> {
    const deaths = ++this.deaths;
    const source = this.data.source;
    // The user's files open now, their digest known or still pending (then `source` is null until it is).
    const files = this.data.files;
    const open = files !== null || source !== null;
    const keep = death.restarted && !this.recovering && (source?.kind === 'sample' || files !== null);
    const fate = !open ? 'no data was open' : keep ? 'your loaded file is kept' : 'your file must be reloaded';
    this.workerError = death.restarted
      ? `The worker stopped: ${death.reason}. Hexcast restarted it; ${fate}.`
      : `The worker stopped: ${death.reason}. Reload the page to continue.`;
    this.beforeOpen();
    if (this.step === 'results') this.step = 'run';
    if (!keep) {
      this.data.forget();
      this.step = 'data';
      return;
    }
    const { mapping, panelOptions } = this.data;
    const settings = this.binning.settings;
    const boundary = this.binning.boundaryFile;
    // Files opened as the waiting link's candidates, whose check the death cut short, are checked
    // for it again; any others (taken, or opened with no link or for a link since replaced) are
    // opened again as they were, never checked against a link followed since.
    const restored = this.pending;
    const checked = source === null && this.data.checking !== null && this.data.checking === this.data.expected;
    const against = checked ? this.data.expected : null;
    const sample = source?.kind === 'sample' ? sampleById(source.id) : undefined;
    let verdict: Promise<boolean | null> | null = null;
    this.recovering = true;
    try {
      const opened = sample ? await this.data.openSample(sample.id, sample.file) : await this.data.openFiles(files ?? [], undefined, { against });
      if (!opened) {
        // Not opened again (refused, changed on disk, a sample that cannot be fetched): the new worker holds none of it.
        const refused = !sample && (await this.data.verdict()) === false;
        this.data.forget();
        this.forgetRefused();
        if (deaths === this.deaths)
          this.workerError = `The worker stopped: ${death.reason}. Hexcast restarted it; ${refused ? REFUSED_AGAIN : 'your file could not be opened again and must be reloaded'}.`;
        return;
      }
      if (!sample && checked) verdict = this.data.verdict();
      if (boundary) await this.binning.setBoundary(boundary);
      await this.areas.resend();
      await this.external.resend();
      if (this.data.isPanel) {
        if (await this.data.loadPanel(panelOptions)) await this.bin(settings);
      } else if (mapping && (await this.data.load(mapping))) await this.bin(settings);
      await this.frozen.resend(); // checked against the binned panel
    } finally {
      this.recovering = false;
    }
    if (verdict && (await this.settleLink(restored, verdict)) === false && deaths === this.deaths)
      this.workerError = `The worker stopped: ${death.reason}. Hexcast restarted it; ${REFUSED_AGAIN}.`;
  }

  /** Worker deaths so far: a recovery says how it ended only if no other death came since. */
  private deaths = 0;

  /** The experiment as it stands, or null before any data is open. */
  get current(): Experiment | null {
    const source = this.data.source;
    if (!source) return null;
    return {
      source,
      mapping: this.data.mapping,
      binning: this.binningNow,
      boundary: this.binning.boundary,
      models: this.experiment.models,
      protocol: this.experiment.protocol,
      backend: this.experiment.backend,
      ...(this.external.refs.length && { external: this.external.refs }),
    };
  }

  /**
   * What the address bar links to: the link restored last while it waits for its files (or while
   * its sample opens), so the address the user followed stays; else the experiment as it stands;
   * else nothing (files whose digest is pending are named once it is known, never by the files
   * before: `data.files` is set while `address` is null only then).
   */
  get address(): Experiment | null {
    return this.linked ?? this.current;
  }

  /**
   * What the page address's hash `hash` should become, or null to leave it (see `PageHash.next`):
   * it names `address`; it is cleared while files whose digest is pending are open, and once the
   * data it named is forgotten; a link the user followed stays until restored.
   */
  pageHash(hash: string): string | null {
    return this.hashes.next(this.address, this.linked !== null, this.data.files !== null, hash);
  }

  /** Which hash the page wrote itself, to name the experiment as it stands (`pageHash`). */
  private readonly hashes = new PageHash();

  /** True when the experiment's settings changed after the result shown was run. */
  get stale(): boolean {
    const current = this.current;
    return this.run.result !== null && current !== null && this.ranWith !== null && encodeExperiment(current) !== this.ranWith;
  }

  /**
   * The binning the experiment records: the settings, or for a pre-binned panel the file's
   * resolution and bucket, with the zone override it was read with (which a link restores).
   */
  get binningNow(): BinSettings {
    const panel = this.data.isPanel ? this.data.panel?.summary : undefined;
    if (!panel) return this.binning.settings;
    return { res: panel.res, unit: panel.unit, timeZone: panel.metadata ? null : (this.data.panelOptions.timeZone ?? null), categories: null };
  }

  /** Which steps can be visited now. */
  get reachable(): ReadonlySet<StepId> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a fresh value each read, not state
    const out = new Set<StepId>(['data']);
    if (this.binning.result) for (const s of ['binning', 'experiment', 'run'] as const) out.add(s);
    else if (this.data.loaded || this.data.isPanel) out.add('binning');
    if (this.run.result) out.add('results');
    return out;
  }

  /** Opens a bundled sample the user chose: a link waiting for its files is given up (its files are no longer checked for, nor named). */
  async openSample(id: string, mapping: ColumnMapping | null = null): Promise<void> {
    this.giveUpLink();
    await this.openSampleWith(id, mapping);
  }

  /** Forgets a restored link waiting for its files: what it expects, its settings and its hold on the address. */
  private giveUpLink(): void {
    this.linked = null;
    this.pending = null;
    this.data.expected = null;
    this.binning.expectedBoundary = null;
    this.external.expected = [];
  }

  /** Opens a bundled sample, loads it with `mapping` (else the sample's) and bins it. */
  private async openSampleWith(id: string, mapping: ColumnMapping | null): Promise<void> {
    const sample = sampleById(id) ?? SAMPLES[0];
    if (!(await this.data.openSample(sample.id, sample.file))) return;
    this.beforeOpen();
    await this.useMapping(mapping ?? sample.mapping ?? this.data.opened?.suggestion.mapping ?? null);
  }

  async openFiles(files: readonly File[], mapping: ColumnMapping | null = null): Promise<void> {
    // The mapping used below, named as the open's answer arrives so that its load is posted before the page draws the answer.
    if (!(await this.data.openFiles(files, (opened) => mapping ?? this.pending?.mapping ?? opened.suggestion.mapping ?? null))) {
      // Refused at once (a failed or cancelled open keeps the files before, here as in the worker, and the notice shown).
      if (!this.data.opened && (await this.data.verdict()) === false) this.forgetRefused();
      return;
    }
    this.beforeOpen();
    const restored = this.pending;
    // The link check's verdict may come after the load and bin (the worker hashes while idle): until then the link stays pending.
    const verdict = this.data.verdict();
    if (this.data.isPanel) await this.openPanel(restored?.binning ?? null);
    else await this.useMapping(mapping ?? restored?.mapping ?? this.data.opened?.suggestion.mapping ?? null);
    await this.settleLink(restored, verdict);
  }

  /**
   * The link `restored` once the open files' check gives its `verdict` (see `DataState.verdict`):
   * "Checking…" while it is pending and the panel is binned; then "Files verified" (the link
   * done), or the files refused (the data forgotten, back to the Data step, the link still
   * waiting). Nothing when another link was restored, or other files opened, meanwhile: theirs
   * decides. Returns the verdict it applied (null: none).
   */
  private async settleLink(restored: Workbench['pending'], verdict: Promise<boolean | null>): Promise<boolean | null> {
    if (!restored) return null;
    if (this.data.checking && this.binning.result && this.pending === restored) {
      this.notice = `Checking the files against the link (SHA-256)… ${this.boundaryRequest()}`.trim();
      this.step = 'run';
    }
    const verified = await verdict;
    if (verified === null || this.pending !== restored) return null; // other files were opened meanwhile: their open decides
    if (!verified) {
      this.forgetRefused();
      return false;
    }
    this.pending = null;
    this.linked = null;
    if (this.binning.result) {
      this.notice = `Files verified. ${this.boundaryRequest()}Press Run to reproduce the linked experiment.`;
      this.step = 'run';
    }
    return true;
  }

  /**
   * Files the link refused, which `DataState` forgot: the panel and run made from the files open
   * before go too (the worker let those go when it opened the refused ones), back to the Data
   * step; the link still waits for its files, and its notice says so. The same whether the files
   * were refused at once (their digest known at open) or when their digest came.
   */
  private forgetRefused(): void {
    this.binning.reset();
    this.run.clear();
    this.notice = this.data.expected ? linkFilesNotice(this.data.expected) : null;
    this.step = 'data';
  }

  /**
   * Reads the open panel file — with a link's zone, and its bucket unit where the file's
   * periods alone would give another — and bins it.
   */
  private async openPanel(link: BinSettings | null): Promise<void> {
    const options: PanelOptions = link?.timeZone ? { timeZone: link.timeZone } : {};
    if (!(await this.data.loadPanel(options))) return;
    const summary = this.data.panel!.summary;
    if (link && !summary.metadata && summary.unit !== link.unit && !(await this.data.loadPanel({ ...options, unit: link.unit }))) return;
    await this.bin(this.binning.settings);
  }

  /** Reads the open panel file again with other overrides (files without Hexcast metadata); on success, re-bins. */
  async setPanelOptions(options: PanelOptions): Promise<void> {
    if (!(await this.data.loadPanel(options))) return;
    this.run.clear();
    await this.bin(this.binning.settings);
  }

  /** Loads with a mapping and, when it loads, bins with the current settings. */
  async useMapping(mapping: ColumnMapping | null): Promise<void> {
    if (!mapping) {
      this.data.mapping = null;
      this.data.loaded = null;
      return;
    }
    this.run.clear();
    this.binning.reset();
    if (await this.data.load(mapping)) await this.bin(this.binning.settings);
  }

  async setBinning(settings: BinSettings): Promise<void> {
    this.run.clear();
    await this.bin(settings);
  }

  /** Bins (a panel file: prepares its panel) and then, for incidents, counts in the background the cells at every offered resolution for the picker. */
  private async bin(settings: BinSettings): Promise<void> {
    if ((await this.binning.apply(settings)) && !this.data.isPanel)
      void this.binning.countCells(
        H3_RESOLUTIONS.map((r) => r.res),
        settings.categories,
      );
  }

  /** Loads (or, with null, removes) a GeoJSON boundary as the study region, and re-bins. */
  async setBoundary(file: File | null): Promise<void> {
    if (!(await this.binning.setBoundary(file))) return;
    this.run.clear();
    if (this.data.loaded || this.data.panel) await this.bin(this.binning.settings);
  }

  /** Loads (or, with null, removes) an area layer, or changes its groups and total, and re-bins to apportion it to the cells. */
  async setAreas(file: File | null, choice?: { groups?: readonly string[]; total?: string }): Promise<void> {
    const ok = file === null || file !== this.areas.file || !choice ? await this.areas.set(file, choice) : await this.areas.choose(choice);
    if (!ok) return;
    this.run.clear();
    if (this.data.loaded || this.data.panel) await this.bin(this.binning.settings);
  }

  /** Restores a shared experiment: a sample re-opens itself; user files are asked for (and checked by SHA-256). */
  async restore(experiment: Experiment): Promise<void> {
    this.linked = experiment;
    let superseded = false;
    this.binning.settings = experiment.binning;
    const boundary = experiment.boundary;
    this.binning.expectedBoundary = boundary && boundary.sha256 !== this.binning.boundary?.sha256 ? boundary : null;
    if (!boundary && this.binning.boundary) await this.binning.setBoundary(null);
    this.experiment.models = experiment.models;
    this.experiment.protocol = experiment.protocol;
    this.experiment.backend = experiment.backend;
    this.external.expected = (experiment.external ?? []).filter((ref) => !this.external.refs.some((r) => r.sha256 === ref.sha256));
    if (experiment.source.kind === 'sample') {
      // A sample link replaces a files link still waiting; it holds the address only while its sample opens.
      this.pending = null;
      this.data.expected = null;
      try {
        await this.openSampleWith(experiment.source.id, experiment.mapping);
      } finally {
        if (this.linked === experiment) this.linked = null;
        else superseded = true; // another link followed, or a sample chosen, meanwhile: theirs speaks
      }
      if (superseded) return;
      this.step = this.binning.result ? 'run' : 'data';
      if (this.binning.result) this.notice = `Experiment restored from the link. ${this.boundaryRequest()}Press Run to reproduce its numbers.`;
    } else {
      this.data.expected = experiment.source.files;
      this.pending = { mapping: experiment.mapping, binning: experiment.binning };
      this.notice = linkFilesNotice(experiment.source.files);
      this.step = 'data';
    }
  }

  /** The link restored last, until its experiment stands (its files verified, its sample binned): what `address` shows meanwhile. */
  private linked = $state.raw<Experiment | null>(null);

  /** The mapping and binning a restored link asked for, used when its files are supplied. */
  private pending: { readonly mapping: ColumnMapping | null; readonly binning: BinSettings } | null = null;

  /**
   * Why a run cannot start now, or null: a bin in flight (a streamed file's filter decode can take
   * minutes) would replace the panel the run uses and the settings its link records.
   */
  get binningWait(): string | null {
    if (!this.binning.busy) return null;
    return this.binning.decoding
      ? 'Waiting for the category filter’s decode (or Cancel it in the Binning step): the run uses the panel it bins.'
      : 'Waiting for the panel to be binned with the new settings: the run uses it.';
  }

  /**
   * Runs the experiment as set; does nothing while a bin is in flight (`binningWait`). Files whose
   * fingerprint is pending have no source yet (the experiment names their SHA-256): the run waits
   * for it, saying so (`runWait`); a second press meanwhile adds nothing, and a run withdrawn
   * meanwhile (`cancelRunWait`) does not start, nor one whose files are refused or replaced
   * meanwhile, nor one whose digest comes while a bin runs (the notice says so). A press that
   * ends with no run result (those, or a run cancelled or failed) drops a claim check asked for
   * with it (`checkClaim`): the next results shown do not open on the claim checker.
   */
  async start(): Promise<void> {
    const queued = this.data.fingerprinting;
    if (queued) {
      // The run already waiting carries the claim check, if any: this press adds nothing.
      if (this.queuedRun !== null) return;
      const mine = {};
      this.queuedRun = mine;
      let verified: boolean | null;
      let withdrawn: boolean;
      try {
        verified = await this.data.verdict();
      } finally {
        withdrawn = this.queuedRun !== mine;
        if (!withdrawn) this.queuedRun = null;
      }
      // `cancelRunWait` dropped the claim check already (a run queued since may carry a new one).
      if (withdrawn) return;
      if (verified !== true) {
        // No run comes of this press (the files refused, or others opened): a claim check asked for with it goes too.
        this.claim.requested = false;
        return;
      }
    }
    const experiment = this.current;
    if (!experiment || this.binningWait) {
      this.claim.requested = false;
      // The Run button waits for the bin; a run that waited for the digest cannot, so it says it did not start.
      if (queued && this.binningWait) this.notice = RUN_DROPPED_FOR_BIN;
      return;
    }
    this.step = 'run';
    const result = await this.run.start({
      models: experiment.models,
      protocol: experiment.protocol,
      backend: experiment.backend,
      wasmPaths: WASM_PATHS,
      environment: appEnvironment(),
      helpers: helperCount(globalThis.navigator?.hardwareConcurrency, globalThis.location?.search ?? ''),
    });
    if (!result) {
      // Cancelled or failed; a newer run still running (this one superseded) keeps the claim check for its own result.
      if (this.run.status !== 'running') this.claim.requested = false;
      return;
    }
    this.ranWith = encodeExperiment(experiment);
    this.results.show(result);
    this.claim.reset();
    this.leakage.reset();
    this.step = 'results';
    this.notice = null;
    void this.recent.add({
      hash: this.ranWith,
      title:
        experiment.source.kind === 'sample'
          ? (sampleById(experiment.source.id)?.title ?? experiment.source.id)
          : experiment.source.files.map((f) => f.name).join(', '),
      headline: result.report.summary.headline,
      models: result.models.length,
      createdAt: result.report.createdAt,
    });
  }

  /**
   * Withdraws the Run waiting for the files' SHA-256 (`runWait`): it does not start when the
   * digest comes. The files stay open, their digest still comes, and Run can be pressed again.
   * A claim check asked for with it (`checkClaim`) is withdrawn too: the next results shown do
   * not open on the claim checker.
   */
  cancelRunWait(): void {
    this.queuedRun = null;
    this.claim.requested = false;
  }

  /**
   * "Check a claim" from the start screen: runs the experiment as set (every baseline by
   * default) when there is no current result, then opens the Results step on the claim checker.
   */
  async checkClaim(): Promise<void> {
    this.claim.requested = true;
    if (!this.run.result || this.stale) await this.start();
    if (this.run.result) this.step = 'results';
  }

  /** A sentence asking for the boundary a link needs, when it is not loaded yet. */
  private boundaryRequest(): string {
    const expected = this.binning.expectedBoundary;
    return expected ? `It used the boundary ${expected.name} as its study region: load that file in the Binning step first. ` : '';
  }

  /**
   * The long task on the way from files to a panel — opening (bytes and rows read), decoding,
   * binning, decoding a streamed file again for a category filter (bytes read, rows decoded) —
   * for the progress bar and its Cancel button; null when none runs. Any other re-bin of a panel
   * already shown is not one (the map stays, marked 'updating').
   */
  get task(): TaskProgress | null {
    if (this.data.progress) return this.data.progress;
    const decoding = this.binning.decoding;
    if (decoding) {
      const size = this.data.opened?.sources.reduce((sum, s) => sum + s.bytes, 0);
      return { stage: 'bin', label: decoding.message, bytes: decoding.bytes, ...(size && { size }), rows: decoding.rows, startedAt: this.binning.startedAt };
    }
    if (!this.binning.busy || this.binning.result) return null;
    const { res, unit } = this.binning.settings;
    const rows = this.data.loaded?.report.kept;
    const what = rows === undefined ? 'Preparing the panel' : `Binning ${rows.toLocaleString('en-US')} incidents`;
    return { stage: 'bin', label: `${what} (H3 res ${res}, ${unit}s)`, startedAt: this.binning.startedAt };
  }

  /**
   * Cancels the task shown by `task`. Opening stops in the worker between chunks and the data
   * open before stays as it was. A category filter's decode stops in the worker between record
   * batches and the panel binned before stays, with its settings. Decoding stops in the worker
   * between record batches (a file read whole finishes its decode); binning is one synchronous
   * step in the worker that runs to its end. Either way their answer is ignored and the open
   * data forgotten, so the app is back at the open screen.
   */
  async cancelTask(): Promise<void> {
    const task = this.task;
    if (!task) return;
    if (task.stage === 'bin' && this.binning.decoding) {
      await this.binning.cancel();
      return;
    }
    if (task.stage === 'open') {
      const outcome = await this.data.cancel();
      this.notice =
        outcome === 'finished'
          ? 'Opening had finished before Cancel reached it: the new file is open.'
          : this.data.opened
            ? 'Opening was cancelled: the data open before is still loaded.'
            : 'Opening was cancelled.';
      return;
    }
    if (task.stage === 'load') await this.data.cancel();
    else this.data.abandon();
    this.beforeOpen();
    this.step = 'data';
    this.notice = `${task.stage === 'load' ? 'Decoding' : 'Binning'} was cancelled: open a file or a sample.`;
  }

  private beforeOpen(): void {
    this.run.clear();
    this.binning.reset();
  }
}

/** How a restarted worker's banner ends when the files opened again were refused by the link's check. */
const REFUSED_AGAIN = 'the files opened again are not the ones the link was made with, and were let go';

/** What a restored link whose files are not open yet says: which files to choose. */
function linkFilesNotice(files: readonly { readonly name: string }[]): string {
  return `This link was made with ${files.map((f) => f.name).join(', ')}: choose the same file${files.length > 1 ? 's' : ''} to restore it (they are checked by SHA-256 and never leave this device).`;
}
