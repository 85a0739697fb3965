import { CellCache } from '../grid/cell-cache';
import { parentOf } from '../grid/h3';
import type { Incidents } from '../io/incidents';
import { categoryPredicate, type CategorySelection } from '../pipeline/category-selection';

/**
 * How many H3 cells hold at least one incident, at several resolutions at once — for the
 * resolution picker. Each distinct point is indexed once at the finest resolution (with
 * `CellCache`), and each coarser level's cells are the distinct parents of the level below
 * (one `parentOf` call per distinct cell), so all levels cost little more than the finest.
 * Built once per load; `count(keep)` then takes one pass over the incidents for any
 * category filter.
 *
 * A parent covers its children only approximately (H3 is not exactly nested), so a coarse
 * count can differ by a few cells from binning at that resolution directly; binning also
 * leaves out partial first and last weeks or months, which this count does not know about.
 * @example new ResolutionCells(incidents, [7, 8]).count(null) // → [{ res: 7, cells: 140 }, { res: 8, cells: 827 }]
 */
export class ResolutionCells {
  private readonly incidents: Incidents;
  /** The finest-level cell id of each incident. */
  private readonly ids: Int32Array;
  /** Per resolution (ascending): the id at that resolution of each finest-level cell, and how many ids there are. */
  private readonly levels: readonly { readonly res: number; readonly of: Int32Array; readonly size: number }[];

  constructor(incidents: Incidents, resolutions: readonly number[]) {
    if (resolutions.length === 0) throw new RangeError('ResolutionCells needs at least one resolution');
    const sorted = [...new Set(resolutions)].sort((a, b) => a - b);
    const finest = sorted[sorted.length - 1];
    const n = incidents.length;
    const cache = new CellCache(finest, Math.min(n, 1 << 20));
    this.incidents = incidents;
    this.ids = new Int32Array(n);
    for (let i = 0; i < n; i++) this.ids[i] = cache.idOf(incidents.lat[i], incidents.lng[i]);
    const F = cache.cells.length;
    const levels: { res: number; of: Int32Array; size: number }[] = [{ res: finest, of: Int32Array.from({ length: F }, (_, i) => i), size: F }];
    // Walk down one resolution at a time: each level's cells are the distinct parents of the level below.
    let cells = cache.cells;
    let of = levels[0].of;
    for (let res = finest - 1; res >= sorted[0]; res--) {
      const ids = new Map<string, number>();
      const parentId = Int32Array.from(cells, (cell) => {
        const parent = parentOf({ cell, res });
        let id = ids.get(parent);
        if (id === undefined) ids.set(parent, (id = ids.size));
        return id;
      });
      of = Int32Array.from(of, (child) => parentId[child]);
      cells = [...ids.keys()];
      if (sorted.includes(res)) levels.push({ res, of, size: cells.length });
    }
    this.levels = levels.reverse();
  }

  /** Cells with at least one incident of the kept categories (null: every incident) at each resolution, ascending. */
  count(keep: CategorySelection): { res: number; cells: number }[] {
    const { category, categories, length } = this.incidents;
    const wanted = keep === null ? null : categories.map(categoryPredicate(keep));
    const used = new Uint8Array(this.levels[this.levels.length - 1].size);
    for (let i = 0; i < length; i++) {
      if (wanted && !(category[i] >= 0 && wanted[category[i]])) continue;
      used[this.ids[i]] = 1;
    }
    return this.levels.map(({ res, of, size }) => {
      const seen = new Uint8Array(size);
      let cells = 0;
      for (let f = 0; f < used.length; f++) {
        if (used[f] && !seen[of[f]]) {
          seen[of[f]] = 1;
          cells++;
        }
      }
      return { res, cells };
    });
  }
}
