import { listRecent, pageIndexedDB, saveRecent, storageError, type RecentExperiment } from '../recent-experiments';

/**
 * The recent experiments kept in IndexedDB (newest first), for the Experiment step's list. A
 * store that fails leaves the app working: `error` says why the list is missing, `saveError`
 * why the last run was not added (shown with the results), and both say that the link still
 * reproduces the experiment.
 */
export class RecentState {
  items = $state.raw<readonly RecentExperiment[]>([]);
  /** Why the list cannot be shown, or null. */
  error = $state<string | null>(null);
  /** Why the last finished run was not saved, or null (dismissable). */
  saveError = $state<string | null>(null);

  /** `factory`: the IndexedDB to use (the page's by default; tests pass a failing one). */
  constructor(private readonly factory: () => IDBFactory | undefined = pageIndexedDB) {}

  async refresh(): Promise<void> {
    try {
      this.items = await listRecent(this.factory());
      this.error = null;
    } catch (error) {
      this.error = `Recent experiments cannot be shown: ${storageError(error).message}. Runs still work; the link in the address bar reproduces an experiment.`;
    }
  }

  async add(entry: RecentExperiment): Promise<void> {
    try {
      await saveRecent(entry, this.factory());
      this.saveError = null;
    } catch (error) {
      this.saveError = `This run was not saved to the recent experiments: ${storageError(error).message}. The link in the address bar still reproduces it.`;
      return;
    }
    await this.refresh();
  }
}
