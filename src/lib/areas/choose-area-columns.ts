import { InputError } from '../io/input-error';
import type { AreaLayer } from './area-layer';

/** Words that name a population group by race or ethnicity in census-derived column names. */
const GROUP_WORD =
  /(^|[^a-z])(black|white|asian|hispanic|latino|latina|latinx|native|aian|nhpi|pacific|indigenous|multiracial|two_or_more|other_race)([^a-z]|$)/i;
/** A column that totals the population by race, or the population itself. */
const TOTAL_NAME = /^(total_?pop(ulation)?|pop(ulation)?(_total)?|total_race.*|.*total_race.*|.*race_total.*)$/i;

/** The rule for default groups, in one sentence (for help texts and the report). */
export const DEFAULT_GROUPS_RULE =
  'By default the groups are the numeric columns named after a race or ethnicity (black, white, asian, hispanic, latino, native, pacific, …) and the total is the column named as a population or race total (total_pop, population, total_race…), else the sum of the groups.';

/** The columns an area layer's attributes are split into. */
export interface AreaColumnChoice {
  readonly groups: readonly string[];
  /** The total column, or null when the total is the sum of the groups. */
  readonly total: string | null;
  /** Every other numeric column. */
  readonly others: readonly string[];
  /** How the choice was made, in one sentence. */
  readonly rule: string;
}

/**
 * Chooses the population groups and their total among an area layer's numeric columns: the
 * ones given (each must be a numeric column of the file), else by `DEFAULT_GROUPS_RULE`. Throws
 * an InputError ('areas-column', naming the file, the column and the numeric columns there are)
 * for a given column that is not numeric there, or when no group column can be found.
 * @example chooseAreaColumns(plainfield, {}).groups // → ['asian_lb', 'black_lb', 'white_lb'] (file order)
 */
export function chooseAreaColumns(layer: AreaLayer, given: { groups?: readonly string[]; total?: string }): AreaColumnChoice {
  const numeric = layer.columns;
  const check = (column: string, flag: string): string => {
    if (numeric.includes(column)) return column;
    const account = layer.accounts.find((a) => a.name === column);
    const found = account ? `is a ${account.kind} column there` : 'is not a property there';
    throw new InputError(`Area file '${layer.source}': ${flag} column '${column}' ${found}; numeric columns: ${numeric.join(', ')}`, {
      code: 'areas-column',
      file: layer.source,
      column,
      field: flag === 'total' ? 'areas.total' : 'areas.groups',
    });
  };
  const givenGroups = given.groups?.filter((g) => g.trim() !== '').map((g) => check(g.trim(), 'group'));
  const groups = givenGroups && givenGroups.length > 0 ? [...new Set(givenGroups)] : numeric.filter((c) => GROUP_WORD.test(c));
  if (groups.length === 0)
    throw new InputError(`Area file '${layer.source}': no column is named after a population group; name them (numeric columns: ${numeric.join(', ')})`, {
      code: 'areas-column',
      file: layer.source,
      field: 'areas.groups',
    });
  const total = given.total?.trim()
    ? check(given.total.trim(), 'total')
    : givenGroups?.length
      ? null
      : (numeric.find((c) => TOTAL_NAME.test(c) && !groups.includes(c)) ?? null);
  const rule =
    `${givenGroups?.length ? 'groups as given' : 'groups by name (race or ethnicity words)'}: ${groups.join(', ')}; ` +
    `total: ${total ?? 'the sum of the groups'}${given.total?.trim() ? ' (as given)' : ''}.`;
  return { groups, total, others: numeric.filter((c) => !groups.includes(c) && c !== total), rule };
}
