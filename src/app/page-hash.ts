import type { Experiment } from './experiment';
import { encodeExperiment } from './experiment-url';

/**
 * The page address's hash as the app keeps it (`Workbench.pageHash`), remembering which hash it
 * wrote itself to name the experiment as it stands: that hash is cleared once its data is
 * forgotten, while a link the user followed is kept.
 */
export class PageHash {
  /** The hash last written naming the experiment as it stands (not a link followed); null when none or cleared. */
  private named: string | null = null;

  /**
   * What the address's hash `hash` should become (null: leave it as it is), from
   * `Workbench.address` (`address`), whether that is a link followed and still waiting for its
   * files or its sample (`followed`) and whether the user's files are open (`filesOpen`:
   * `DataState.files` set):
   * - the hash naming `address` when there is one (the experiment as it stands, or the link
   *   followed, so the address the user followed stays);
   * - '' to clear the hash when files are open whose digest is pending (no link names them yet,
   *   and the address must not go on naming the files open before);
   * - '' when nothing is open and the hash is the one this app wrote for data since forgotten (a
   *   cancelled load, a worker death whose files could not be opened again): a reload or a shared
   *   link would ask for files no longer open;
   * - else null: a link followed and not restored (being restored, or refused) keeps the address
   *   the page was opened with, for the user to see.
   * @example next(null, false, true, '#v=1&file=a.arrow%40…') // → ''
   * @example next(null, false, false, '#v=1&sample=chicago…') // → null (a link followed, not written here)
   */
  next(address: Experiment | null, followed: boolean, filesOpen: boolean, hash: string): string | null {
    if (address) {
      const named = `#${encodeExperiment(address)}`;
      this.named = followed ? null : named;
      return named;
    }
    if (filesOpen) return hash !== '' ? '' : null;
    if (hash === '' || hash !== this.named) return null;
    this.named = null;
    return '';
  }
}
