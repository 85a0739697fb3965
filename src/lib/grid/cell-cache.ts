import { CellLocator } from './cell-locator';
import { cellOf } from './h3';

/**
 * Maps points to H3 cells at one resolution, remembering each distinct coordinate pair.
 *
 * Incident data repeats geocoded points heavily (Chicago: ~344 k distinct points among 1.3 M
 * rows), so an open-addressing hash table keyed on the exact bits of (lat, lng) skips most
 * h3 calls; a point the table lacks is placed by a `CellLocator` (h3 only near a cell's edge)
 * while it pays (`CellLocator.wanted`), else by h3.
 * Each distinct cell gets a dense id in order of first appearance; `cells[id]` is its H3 index.
 */
export class CellCache {
  readonly res: number;
  /** Distinct cells seen so far, indexed by id. */
  readonly cells: string[] = [];
  /** Cell → id; built on the first miss of a cache made `fromState`. */
  private cellIds: Map<string, number> | null = new Map<string, number>();
  private keys: Float64Array;
  private values: Int32Array;
  private size = 0;
  private mask: number;
  private readonly shared: boolean;
  private locator: CellLocator | null = null;
  /** Per `locator` cell number, this cache's id for that cell (undefined until first met). */
  private located: number[] = [];

  /** `shared`: the table lives on SharedArrayBuffers, so `state()` hands it to another thread without a copy. */
  constructor(res: number, expectedPoints = 1024, shared = false) {
    this.res = res;
    this.shared = shared;
    let capacity = 1024;
    while (capacity < expectedPoints * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = this.floats(capacity * 2);
    this.values = this.ints(capacity).fill(-1);
  }

  /**
   * A cache continuing another's (`state()`, e.g. filled by another thread): the same table
   * (not copied; the other side must no longer write it) and cells with their ids. New points
   * are added as to any cache.
   * @example CellCache.fromState(filled.state()).idOf(41.88, -87.63) // → filled.idOf(41.88, -87.63)
   */
  static fromState(state: CellCacheState): CellCache {
    const cache = new CellCache(state.res, 0);
    cache.keys = state.keys;
    cache.values = state.values;
    cache.mask = state.values.length - 1;
    cache.size = state.size;
    for (const cell of state.cells) cache.cells.push(cell);
    cache.cellIds = null;
    return cache;
  }

  /** The table and cells, for `CellCache.fromState` (on another thread when built `shared`). */
  state(): CellCacheState {
    return { res: this.res, keys: this.keys, values: this.values, size: this.size, cells: this.cells };
  }

  /** The id `idOf` gives for a point already held, or -1 (nothing is added: threads may call it at once on a shared table). */
  find(lat: number, lng: number): number {
    let slot = hashPair(lat, lng) & this.mask;
    for (;;) {
      const id = this.values[slot];
      if (id === -1) return -1;
      if (this.keys[2 * slot] === lat && this.keys[2 * slot + 1] === lng) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Dense id of the cell containing (lat, lng); the caller has validated the coordinates. */
  idOf(lat: number, lng: number): number {
    let slot = hashPair(lat, lng) & this.mask;
    for (;;) {
      const id = this.values[slot];
      if (id === -1) break;
      if (this.keys[2 * slot] === lat && this.keys[2 * slot + 1] === lng) return id;
      slot = (slot + 1) & this.mask;
    }
    const locator = (this.locator ??= new CellLocator(this.res));
    let id: number;
    if (locator.wanted(this.cells.length)) {
      const k = locator.locate(lat, lng);
      id = this.located[k] ??= this.cellIdOf(locator.cells[k]);
    } else id = this.cellIdOf(cellOf({ lat, lng, res: this.res }));
    this.keys[2 * slot] = lat;
    this.keys[2 * slot + 1] = lng;
    this.values[slot] = id;
    if (++this.size * 2 > this.mask) this.grow();
    return id;
  }

  private cellIdOf(cell: string): number {
    const cellIds = (this.cellIds ??= new Map(this.cells.map((known, id) => [known, id])));
    let id = cellIds.get(cell);
    if (id === undefined) {
      id = this.cells.length;
      this.cells.push(cell);
      cellIds.set(cell, id);
    }
    return id;
  }

  private floats(length: number): Float64Array {
    return this.shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
  }

  private ints(length: number): Int32Array {
    return this.shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.keys = this.floats(capacity * 2);
    this.values = this.ints(capacity).fill(-1);
    for (let old = 0; old < oldValues.length; old++) {
      if (oldValues[old] === -1) continue;
      const lat = oldKeys[2 * old];
      const lng = oldKeys[2 * old + 1];
      let slot = hashPair(lat, lng) & this.mask;
      while (this.values[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[2 * slot] = lat;
      this.keys[2 * slot + 1] = lng;
      this.values[slot] = oldValues[old];
    }
  }
}

/** A `CellCache`'s table and cells (`state()`), to continue it elsewhere (`CellCache.fromState`). */
export interface CellCacheState {
  readonly res: number;
  /** Per slot the point's (lat, lng) bits, two entries a slot. */
  readonly keys: Float64Array;
  /** Per slot the point's cell id, -1 for an empty slot; the length is the capacity, a power of two. */
  readonly values: Int32Array;
  /** Points held. */
  readonly size: number;
  /** Cells by id. */
  readonly cells: readonly string[];
}

const scratch = new Float64Array(2);
const words = new Uint32Array(scratch.buffer);

/**
 * Mixes the 128 bits of two float64 values into a 32-bit hash (murmur3-style finaliser). The
 * cache's slots use its low bits; `splitByPoint` uses its top bit to part points between threads.
 * @example hashPair(41.88, -87.63) === hashPair(41.88, -87.63) // → true, exact bits only
 */
export function hashPair(a: number, b: number): number {
  scratch[0] = a;
  scratch[1] = b;
  let h = Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b);
  h ^= Math.imul(words[2] ^ (h >>> 15), 0xc2b2ae35);
  h ^= Math.imul(words[3] ^ (h >>> 13), 0x27d4eb2f);
  h ^= h >>> 16;
  return h >>> 0;
}
