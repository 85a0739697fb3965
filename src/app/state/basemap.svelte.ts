import { clearBasemap, loadBasemap, saveBasemap } from '../basemap-store';
import { RecentStorageError } from '../recent-experiments';

/**
 * The user's basemap (a local PMTiles file) shared by every hex map: restored from IndexedDB
 * on first use, replaced by a dropped file, forgotten on request. A storage failure leaves the
 * basemap in use for this page and says why it will not last (`problem`).
 */
export class BasemapState {
  /** The PMTiles file in use, or null. */
  file = $state.raw<File | null>(null);
  /** Why the basemap could not be read or kept, in words a user can act on; null when fine. */
  problem = $state<string | null>(null);
  #restored: Promise<void> | null = null;

  /** Reads the stored basemap once (later calls share the first read). */
  restore(): Promise<void> {
    this.#restored ??= loadBasemap().then(
      (stored) => {
        if (stored && !this.file) this.file = new File([stored.file], stored.name);
      },
      (error: unknown) => {
        if (error instanceof RecentStorageError && error.problem === 'unavailable') return; // nothing can have been stored
        this.problem = `No stored basemap could be read: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
    return this.#restored;
  }

  /** Uses `file` as the basemap and stores it for the next visit. */
  async use(file: File): Promise<void> {
    if (!/\.pmtiles$/i.test(file.name)) {
      this.problem = `${file.name} is not a PMTiles file (a basemap must end in .pmtiles; make one with the pmtiles tool's extract command)`;
      return;
    }
    this.file = file;
    this.problem = null;
    try {
      await saveBasemap(file.name, file);
    } catch (error) {
      this.problem = `The basemap is shown but will not be remembered: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Stops using the basemap and forgets it. */
  async remove(): Promise<void> {
    this.file = null;
    this.problem = null;
    await clearBasemap().catch(() => {});
  }
}

/** The one basemap of the page. */
export const basemap = new BasemapState();
