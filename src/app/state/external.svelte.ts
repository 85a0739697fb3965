import type { ExternalKind } from '../../lib/evaluate/external-model';
import type { WorkerClient } from '../../lib/worker/client';
import type { ExternalInfo } from '../../lib/worker/protocol';
import type { ExternalRef } from '../experiment';

/** A forecast file the user added, kept as a File so a restarted worker can be sent it again. */
interface Entry {
  readonly name: string;
  readonly file: File;
  readonly kind: ExternalKind | 'auto';
}

/**
 * "Add forecasts" in the Experiment step: forecast files made elsewhere, each with a model name
 * and a kind (detected when 'auto'). The whole list is sent to the worker on every change, which
 * reads each file at once — so a bad file is refused with its error next to the control, and
 * the list stays as it was.
 */
export class ExternalState {
  private entries: readonly Entry[] = [];
  /** Each added file as the worker read it: fingerprint, detected shape and why, rows unusable. */
  infos = $state.raw<readonly ExternalInfo[]>([]);
  error = $state<string | null>(null);
  busy = $state(false);
  /** The forecast files a restored link was made with, until the same files are added. */
  expected = $state.raw<readonly ExternalRef[]>([]);

  constructor(private readonly client: WorkerClient) {}

  /** Adds a file under `name` (default: its file name without extension); true when the worker read it. */
  async add(file: File, name: string, kind: ExternalKind | 'auto'): Promise<boolean> {
    const model = name.trim() || defaultName(file.name);
    if (this.entries.some((e) => e.name === model)) {
      this.error = `A forecast file is already named '${model}': give this one another name`;
      return false;
    }
    return this.send([...this.entries, { name: model, file, kind }]);
  }

  /** Removes the file added under `name`. */
  remove(name: string): Promise<boolean> {
    return this.send(this.entries.filter((e) => e.name !== name));
  }

  /** Sends the files again (to a restarted worker). */
  resend(): Promise<boolean> {
    return this.entries.length ? this.send(this.entries) : Promise.resolve(true);
  }

  /** The files as the experiment (and its link) records them: name, file, SHA-256 and the declared kind. */
  get refs(): readonly ExternalRef[] {
    return this.infos.map((info) => ({ name: info.name, file: info.file, sha256: info.sha256, kind: info.kind }));
  }

  private async send(next: readonly Entry[]): Promise<boolean> {
    this.busy = true;
    try {
      const files = await Promise.all(
        next.map(async (e) => ({ name: e.name, ...(e.kind !== 'auto' && { kind: e.kind }), file: { name: e.file.name, bytes: await e.file.arrayBuffer() } })),
      );
      this.infos = await this.client.request('external', { files });
      this.entries = next;
      this.error = null;
      this.expected = this.expected.filter((ref) => !this.infos.some((info) => info.sha256 === ref.sha256));
      return true;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/**
 * A model name from a file name: the name without its extension, other characters than
 * letters, digits, '.', '_' and '-' replaced by '-'.
 * @example defaultName('Vendor forecasts 2018.arrow') // → 'Vendor-forecasts-2018'
 */
export function defaultName(fileName: string): string {
  return fileName.replace(/\.(arrow|feather|ipc|arrows)$/i, '').replace(/[^\w.-]+/g, '-') || 'external';
}
