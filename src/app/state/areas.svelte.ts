import type { WorkerClient } from '../../lib/worker/client';
import type { AreasInfo } from '../../lib/worker/protocol';

/** How the map colours cells by an area attribute: amount per km², or share of the total. */
export type AreaColouring = 'density' | 'share';

/**
 * The area layer (census block groups with population by group …): its file, the worker's
 * reading of it (columns, chosen groups and total, accounting) and what the map colours by.
 * The worker apportions it to the cells at every bin and passes it to every run.
 */
export class AreasState {
  info = $state.raw<AreasInfo | null>(null);
  error = $state<string | null>(null);
  /** The attribute the map colours cells by; null: incidents. */
  colourBy = $state<string | null>(null);
  colouring = $state<AreaColouring>('density');
  /** The file and the user's column choice, kept to change the choice and to resend to a restarted worker. */
  file: File | null = null;
  private choice: { groups?: readonly string[]; total?: string } = {};

  constructor(private readonly client: WorkerClient) {}

  /** Sends an area file (null removes it) with a column choice (none: the defaults); resolves true when the worker took it. */
  async set(file: File | null, choice: { groups?: readonly string[]; total?: string } = {}): Promise<boolean> {
    try {
      const areas = file ? { name: file.name, text: await file.text(), ...choice } : null;
      this.info = await this.client.request('areas', { areas });
      this.file = file;
      this.choice = file ? choice : {};
      this.error = null;
      if (!file) this.colourBy = null;
      return true;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    }
  }

  /** Sends the same file with other groups or another total. */
  async choose(choice: { groups?: readonly string[]; total?: string }): Promise<boolean> {
    return this.file ? this.set(this.file, { ...this.choice, ...choice }) : false;
  }

  /** Sends the file again (a restarted worker holds nothing). */
  async resend(): Promise<void> {
    if (this.file) await this.set(this.file, this.choice);
  }
}
