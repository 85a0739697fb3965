import type { WorkerClient } from '../../lib/worker/client';
import type { FrozenInfo } from '../../lib/worker/protocol';

/**
 * "Saved models" in the Experiment step: model files saved after a run (or by `hexcast fit`),
 * loaded to forecast the next runs frozen — never refitted. The whole list is sent to the
 * worker on every change, which reads and checks each file against the binned panel at once, so
 * a file made for another resolution or bucket is refused with its reason next to the control.
 */
export class FrozenState {
  private files: readonly File[] = [];
  infos = $state.raw<readonly FrozenInfo[]>([]);
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(private readonly client: WorkerClient) {}

  /** Adds a saved model file; true when the worker read it. */
  add(file: File): Promise<boolean> {
    return this.send([...this.files, file]);
  }

  /** Removes the saved model loaded from the file at `index`. */
  remove(index: number): Promise<boolean> {
    return this.send(this.files.filter((_, i) => i !== index));
  }

  /** Sends the files again (to a restarted worker, or after a re-bin). */
  resend(): Promise<boolean> {
    return this.files.length ? this.send(this.files) : Promise.resolve(true);
  }

  private async send(next: readonly File[]): Promise<boolean> {
    this.busy = true;
    try {
      const files = await Promise.all(next.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
      this.infos = await this.client.request('frozen-models', { files });
      this.files = next;
      this.error = null;
      return true;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
