import type { Workbench } from '../state/workbench.svelte';

/** How long a lesson waits for the start-up data before it runs without (on a made-up patch). */
export const DATA_WAIT_MS = 20_000;

/**
 * Whether a lesson that works on the loaded data may run: once the workbench has binned data (the
 * sample opened at start-up, or the user's), once loading or binning failed, or after
 * `DATA_WAIT_MS` (the lesson then says it uses a made-up patch). Call `start()` in `onMount` and
 * return its cleanup.
 */
export class DataWait {
  private waited = $state(false);

  constructor(private readonly bench: Workbench) {}

  /** True when the lesson may run. */
  get ready(): boolean {
    const b = this.bench;
    return this.waited || Boolean(b.binning.result || b.binning.error || b.data.loadError || b.workerError);
  }

  /** Starts the wait's timer; returns the function that stops it. */
  start(): () => void {
    const timer = setTimeout(() => (this.waited = true), DATA_WAIT_MS);
    return () => clearTimeout(timer);
  }
}
