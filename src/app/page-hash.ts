import type { Experiment } from './experiment';
import { encodeExperiment } from './experiment-url';

/**
 * What the page's address should become, from `Workbench.address` (`address`), whether the
 * user's files are open (`filesOpen`: `DataState.files` set) and the address's current hash:
 * the hash naming `address` when there is one (the experiment as it stands, or a link followed
 * and still waiting for its files or its sample, so the address the user followed stays); '' to
 * clear the hash when files are open whose digest is pending (no link names them yet, and the
 * address must not go on naming the files open before); else null, leaving the address as it is
 * (nothing open: a link that could not be restored, or a sample not open yet, keeps the address
 * the page was opened with).
 * @example pageHash(null, true, '#v=1&file=a.arrow%40…') // → ''
 * @example pageHash(null, false, '#v=1&sample=chicago…') // → null
 */
export function pageHash(address: Experiment | null, filesOpen: boolean, hash: string): string | null {
  if (address) return `#${encodeExperiment(address)}`;
  return filesOpen && hash !== '' ? '' : null;
}
