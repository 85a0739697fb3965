import { compactEpsgIndex, type EpsgRecord } from './compact-epsg-index';

/** One CRS of the EPSG registry, as the picker lists it and the loader resolves it. */
export interface EpsgEntry extends EpsgRecord {
  readonly code: number;
}

/** The EPSG registry: 2D projected and geographic CRSs by code, and all of them in code order. */
export interface EpsgRegistry {
  readonly byCode: ReadonlyMap<number, EpsgEntry>;
  readonly entries: readonly EpsgEntry[];
}

let loading: Promise<EpsgRegistry> | undefined;

/**
 * The EPSG registry of the `epsg-index` package (EPSG dataset via epsg.io: names, areas of use,
 * proj4 definitions with their datum shifts), loaded on first use and kept: a dynamic import, so
 * the app's first screen does not carry it (the Vite build compacts the file to the fields kept
 * by `compactEpsgIndex`, a chunk of its own; the CLI reads the package's file).
 *
 * @example
 * (await loadEpsgRegistry()).byCode.get(5348)?.name // → 'POSGAR 2007 / Argentina 6'
 */
export function loadEpsgRegistry(): Promise<EpsgRegistry> {
  if (loading) return loading;
  loading = import('epsg-index/all.json', { with: { type: 'json' } }).then((module) => {
    const compact = compactEpsgIndex((module as { default: Record<string, unknown> }).default);
    const entries = Object.entries(compact)
      .map(([code, record]) => ({ ...record, code: Number(code) }))
      .sort((a, b) => a.code - b.code);
    return { byCode: new Map(entries.map((entry) => [entry.code, entry])), entries };
  });
  // A failed fetch of the chunk is not remembered: the next lookup tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}
