import { pageIndexedDB, RecentStorageError, storageError } from './recent-experiments';

/**
 * The basemap the user dropped in (a PMTiles file), kept in IndexedDB (database
 * 'hexcast-basemap', store 'files', one entry) so that it is there after a reload. The file
 * stays on the device: it is read in place, never uploaded. A database of its own, so that
 * the recent-experiments database keeps its version. Failures are `RecentStorageError`s (the
 * same words for a full quota or a refused storage).
 */
export interface StoredBasemap {
  readonly name: string;
  readonly file: Blob;
  readonly savedAt: string;
}

const DB = 'hexcast-basemap';
const STORE = 'files';
const KEY = 'basemap';

function open(factory: IDBFactory | undefined): Promise<IDBDatabase> {
  if (!factory)
    return Promise.reject(new RecentStorageError('unavailable', 'this browser gives the page no IndexedDB: the basemap lasts until the page closes'));
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(storageError(request.error ?? new Error('IndexedDB could not be opened')));
  });
}

async function run<T>(factory: IDBFactory | undefined, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open(factory);
  try {
    const transaction = db.transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    return await new Promise<T>((resolve, reject) => {
      transaction.oncomplete = () => resolve(request.result);
      transaction.onabort = () => reject(storageError(transaction.error ?? request.error ?? new Error('IndexedDB transaction aborted')));
    });
  } finally {
    db.close();
  }
}

/** The stored basemap, or null when none was saved; rejects with a `RecentStorageError`. */
export async function loadBasemap(factory: IDBFactory | undefined = pageIndexedDB()): Promise<StoredBasemap | null> {
  return ((await run(factory, 'readonly', (store) => store.get(KEY) as IDBRequest<StoredBasemap | undefined>)) ?? null) as StoredBasemap | null;
}

/** Stores `file` as the basemap (replacing any before), awaited to its commit. */
export async function saveBasemap(name: string, file: Blob, factory: IDBFactory | undefined = pageIndexedDB()): Promise<void> {
  await run(factory, 'readwrite', (store) => store.put({ name, file, savedAt: new Date().toISOString() } satisfies StoredBasemap, KEY));
}

/** Forgets the stored basemap. */
export async function clearBasemap(factory: IDBFactory | undefined = pageIndexedDB()): Promise<void> {
  await run(factory, 'readwrite', (store) => store.delete(KEY));
}
