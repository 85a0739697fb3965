/**
 * Which categories the binning keeps, in the smaller of two forms: null keeps every category,
 * a list keeps only the names listed, `{ except }` keeps every category but those listed. With
 * 100,000 categories, unticking one is `{ except: [one name] }` — a message of one name, not
 * of 99,999.
 */
export type CategorySelection = readonly string[] | { readonly except: readonly string[] } | null;

/**
 * Whether `name` is kept by `selection`, as a predicate built once (a Set lookup a call, so a
 * list of n categories is checked in O(n), never O(n²)).
 * @example categoryPredicate({ except: ['THEFT'] })('ROBBERY') // → true
 */
export function categoryPredicate(selection: CategorySelection): (name: string) => boolean {
  if (selection === null) return () => true;
  if (isExcept(selection)) {
    const out = new Set(selection.except);
    return (name) => !out.has(name);
  }
  const kept = new Set(selection);
  return (name) => kept.has(name);
}

/**
 * The names of `all` that `selection` keeps, in the order of `all`, or null when it keeps every
 * one of them (no filter). Names of the selection that `all` lacks are left out.
 * @example keptCategories({ except: ['B'] }, ['A', 'B', 'C']) // → ['A', 'C']
 */
export function keptCategories(selection: CategorySelection, all: readonly string[]): readonly string[] | null {
  if (selection === null) return null;
  const kept = all.filter(categoryPredicate(selection));
  return isExcept(selection) && kept.length === all.length ? null : kept;
}

/**
 * The selection that keeps the names of `all` for which `keep` is true, in its smaller form:
 * null for all of them, the kept list when it is shorter than the left-out one (ties: the kept
 * list), else `{ except }`. Both lists follow the order of `all`.
 * @example compactSelection(['A', 'B', 'C'], (name) => name !== 'B') // → { except: ['B'] }
 */
export function compactSelection(all: readonly string[], keep: (name: string) => boolean): CategorySelection {
  const kept: string[] = [];
  const left: string[] = [];
  for (const name of all) (keep(name) ? kept : left).push(name);
  if (left.length === 0) return null;
  return kept.length <= left.length ? kept : { except: left };
}

/**
 * `selection` with `names` ticked (`on`) or unticked, over the categories `all`, in its smaller
 * form (`compactSelection`): one pass over `all`, whatever the number of names changed.
 * @example setCategories(null, ['A', 'B', 'C'], ['B'], false) // → { except: ['B'] }
 */
export function setCategories(selection: CategorySelection, all: readonly string[], names: readonly string[], on: boolean): CategorySelection {
  const was = categoryPredicate(selection);
  const changed = new Set(names);
  return compactSelection(all, (name) => (changed.has(name) ? on : was(name)));
}

/**
 * How many of the `total` categories `selection` keeps (a list is taken as naming categories
 * that exist).
 * @example keptCount({ except: ['B'] }, 3) // → 2
 */
export function keptCount(selection: CategorySelection, total: number): number {
  if (selection === null) return total;
  return isExcept(selection) ? total - selection.except.length : selection.length;
}

/** True for the `{ except }` form. */
export function isExcept(selection: CategorySelection): selection is { readonly except: readonly string[] } {
  return selection !== null && 'except' in selection;
}
