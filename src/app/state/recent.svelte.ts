import { listRecent, saveRecent, type RecentExperiment } from '../recent-experiments';

/** The recent experiments kept in IndexedDB (newest first), for the Experiment step's list. */
export class RecentState {
  items = $state.raw<readonly RecentExperiment[]>([]);
  error = $state<string | null>(null);

  async refresh(): Promise<void> {
    try {
      this.items = await listRecent();
    } catch (error) {
      this.error = `Recent experiments are unavailable: ${(error as Error).message}`;
    }
  }

  async add(entry: RecentExperiment): Promise<void> {
    try {
      await saveRecent(entry);
      await this.refresh();
    } catch (error) {
      this.error = `Could not save this experiment: ${(error as Error).message}`;
    }
  }
}
