/**
 * Recent experiments in IndexedDB (database 'hexcast', store 'experiments', keyed by the URL
 * hash): enough to list them and reopen one. Nothing leaves the device.
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

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'hash' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Every stored experiment, newest first. */
export async function listRecent(): Promise<RecentExperiment[]> {
  const db = await open();
  try {
    const all = await done(db.transaction(STORE).objectStore(STORE).getAll() as IDBRequest<RecentExperiment[]>);
    return all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  } finally {
    db.close();
  }
}

/** Stores (or refreshes) an experiment and keeps only the newest `MAX_RECENT`. */
export async function saveRecent(entry: RecentExperiment): Promise<void> {
  const db = await open();
  try {
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    await done(store.put(entry));
    const all = (await done(store.getAll() as IDBRequest<RecentExperiment[]>)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    for (const old of all.slice(MAX_RECENT)) await done(store.delete(old.hash));
  } finally {
    db.close();
  }
}
