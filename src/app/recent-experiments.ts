/**
 * Recent experiments in IndexedDB (database 'hexcast', store 'experiments', keyed by the URL
 * hash): enough to list them and reopen one. Nothing leaves the device.
 *
 * IndexedDB may be missing (some private windows), refuse to open (storage blocked), be blocked
 * by another tab, or run out of quota. Every such failure is a `RecentStorageError` whose
 * message says which, so the app can say so and carry on: the experiment's link still
 * reproduces it. A save is one transaction, awaited to its commit: it is stored whole, or the
 * list is left as it was.
 */
export interface RecentExperiment {
  /** The experiment's URL parameters (`encodeExperiment`). */
  readonly hash: string;
  readonly title: string;
  /** The report's verdict headline. */
  readonly headline: string;
  readonly models: number;
  readonly createdAt: string;
}

const DB = 'hexcast';
const STORE = 'experiments';
/** How many experiments are kept; older ones are deleted. */
export const MAX_RECENT = 20;

/** Why the recent list could not be read or written. */
export type RecentProblem = 'unavailable' | 'blocked' | 'quota' | 'failed';

/** A failure of the recent-experiments store, with what went wrong in words a user can act on. */
export class RecentStorageError extends Error {
  constructor(
    readonly problem: RecentProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RecentStorageError';
  }
}

/** The page's IndexedDB, or undefined where there is none (reading it can itself throw, e.g. in a sandboxed frame). */
export function pageIndexedDB(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

/**
 * The `RecentStorageError` for an error from IndexedDB: a full quota, storage refused, or
 * another failure named by its DOMException name.
 * @example storageError(new DOMException('…', 'QuotaExceededError')).problem // → 'quota'
 */
export function storageError(error: unknown): RecentStorageError {
  if (error instanceof RecentStorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : 'Error';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'QuotaExceededError') return new RecentStorageError('quota', `the browser's storage for this site is full (${name})`);
  if (name === 'SecurityError' || name === 'InvalidStateError')
    return new RecentStorageError(
      'unavailable',
      `this browser refuses the page its storage, as private windows and some privacy settings do (${name}: ${detail})`,
    );
  return new RecentStorageError('failed', `IndexedDB failed (${name}: ${detail})`);
}

function open(factory: IDBFactory | undefined): Promise<IDBDatabase> {
  if (!factory)
    return Promise.reject(new RecentStorageError('unavailable', 'this browser gives the page no IndexedDB, as private windows and some privacy settings do'));
  return new Promise((resolve, reject) => {
    const request = factory.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'hash' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(storageError(request.error ?? new Error('IndexedDB could not be opened')));
    request.onblocked = () =>
      reject(new RecentStorageError('blocked', 'another tab holds an older version of the database open: close the other Hexcast tabs and reload'));
  }).catch((error: unknown) => Promise.reject(storageError(error))) as Promise<IDBDatabase>;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when `transaction` commits; rejects with its error when it aborts (a quota error often shows only here). */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

const newestFirst = (a: RecentExperiment, b: RecentExperiment): number => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/** Every stored experiment, newest first; rejects with a `RecentStorageError`. */
export async function listRecent(factory: IDBFactory | undefined = pageIndexedDB()): Promise<RecentExperiment[]> {
  const db = await open(factory);
  try {
    const all = await done(db.transaction(STORE).objectStore(STORE).getAll() as IDBRequest<RecentExperiment[]>);
    return all.sort(newestFirst);
  } catch (error) {
    throw storageError(error);
  } finally {
    db.close();
  }
}

/**
 * Stores (or refreshes) an experiment and keeps only the newest `MAX_RECENT`, in one
 * transaction awaited to its commit: on any failure (quota included) nothing changes, and it
 * rejects with a `RecentStorageError`.
 */
export async function saveRecent(entry: RecentExperiment, factory: IDBFactory | undefined = pageIndexedDB()): Promise<void> {
  const db = await open(factory);
  try {
    const transaction = db.transaction(STORE, 'readwrite');
    const commit = committed(transaction);
    commit.catch(() => {}); // awaited below; a request's own rejection comes first
    const store = transaction.objectStore(STORE);
    await done(store.put(entry));
    const all = (await done(store.getAll() as IDBRequest<RecentExperiment[]>)).sort(newestFirst);
    for (const old of all.slice(MAX_RECENT)) store.delete(old.hash);
    await commit;
  } catch (error) {
    throw storageError(error);
  } finally {
    db.close();
  }
}
