import { InputError } from '../io/input-error';
import type { AreaLayer } from './area-layer';

/** Words that name a population group by race or ethnicity in census-derived column names. */
const GROUP_WORD =
  /(^|[^a-z])(black|white|asian|hispanic|latino|latina|latinx|native|aian|nhpi|pacific|indigenous|multiracial|two_or_more|other_race)([^a-z]|$)/i;
/**
 * A column that totals the population by race, or the population itself: named so, or the
 * total-population estimates of the US Census tables (ACS B01003_001E, B02001_001E,
 * B03002_001E; decennial P1_001N, P2_001N, P001001, P0010001).
 */
const TOTAL_NAME =
  /^(tot(al)?_?pop(ulation)?(_?total)?|pop(ulation)?(_?tot(al)?)?|total|total_race.*|.*total_race.*|.*race_total.*|B01003_001E|B02001_001E|B03002_001E|P1_001N|P2_001N|P001001|P0010001)$/i;
/**
 * A column that is not a head count even when it names a group: a percentage, share, ratio or
 * rate, a margin of error or standard error (the ACS's `…M` columns), a density or an average.
 */
const NOT_A_COUNT =
  /(^|[^a-z])(pct|percent|perc|share|prop|proportion|ratio|rate|moe|margin|err|error|se|cv|density|median|mean|avg|average)([^a-z]|$)|^(pct|perc|percent)|_\d{3}(M|MA|EA)$/i;

/** The rule for default groups, in one sentence (for help texts and the report). */
export const DEFAULT_GROUPS_RULE =
  'By default the groups are the numeric columns named after a race or ethnicity (black, white, asian, hispanic, latino, native, pacific, …) that are head counts (not percentages, shares, rates, margins of error, densities or averages) and the total is the column named as a population or race total (total_pop, population, total_race…, the Census tables’ B01003_001E, B02001_001E, B03002_001E, P1_001N…), else the sum of the groups.';

/** Groups that count more people than the total in some areas: they overlap (e.g. Hispanic of any race beside race groups) or the total is another universe. */
export interface GroupOverlap {
  /** Areas where the groups sum to more than the total (beyond rounding: more than 1 % and 1 person). */
  readonly features: number;
  /** The area with the largest excess, and the groups' sum as a multiple of its total. */
  readonly worst: { readonly feature: string; readonly ratio: number };
}

/** The columns an area layer's attributes are split into. */
export interface AreaColumnChoice {
  readonly groups: readonly string[];
  /** The total column, or null when the total is the sum of the groups. */
  readonly total: string | null;
  /** Every other numeric column. */
  readonly others: readonly string[];
  /** How the choice was made, in one sentence. */
  readonly rule: string;
  /** Where the groups sum to more than the total column (so group shares add to more than 100 %); null when they never do or there is no total column. */
  readonly overlap: GroupOverlap | null;
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
  const groups = givenGroups && givenGroups.length > 0 ? [...new Set(givenGroups)] : numeric.filter((c) => GROUP_WORD.test(c) && !NOT_A_COUNT.test(c));
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
      : (numeric.find((c) => TOTAL_NAME.test(c) && !NOT_A_COUNT.test(c) && !groups.includes(c)) ?? null);
  const overlap = total === null ? null : groupOverlap(layer, groups, total);
  const rule =
    `${givenGroups?.length ? 'groups as given' : 'groups by name (race or ethnicity words, head counts only)'}: ${groups.join(', ')}; ` +
    `total: ${total ?? 'the sum of the groups (no total column found: name one to include everyone else)'}${given.total?.trim() ? ' (as given)' : ''}.` +
    (overlap
      ? ` In ${overlap.features} of ${layer.features.length} areas the groups count more people than ${total} (up to ${overlap.worst.ratio.toFixed(2)}× in ${overlap.worst.feature}): the groups overlap, so their shares add to more than 100 %; each group's share is still of the whole total.`
      : '');
  return { groups, total, others: numeric.filter((c) => !groups.includes(c) && c !== total), rule, overlap };
}

/** The areas where `groups` sum to more than `total` by more than 1 % and 1 person (rounding in census tables stays below that). */
function groupOverlap(layer: AreaLayer, groups: readonly string[], total: string): GroupOverlap | null {
  const g = groups.map((name) => layer.columns.indexOf(name));
  const t = layer.columns.indexOf(total);
  let features = 0;
  let worst: GroupOverlap['worst'] | null = null;
  for (const feature of layer.features) {
    let sum = 0;
    for (const j of g) sum += feature.values[j];
    const whole = feature.values[t];
    if (sum <= whole * 1.01 || sum - whole <= 1) continue;
    features++;
    const ratio = whole > 0 ? sum / whole : Infinity;
    if (!worst || ratio > worst.ratio) worst = { feature: feature.id, ratio };
  }
  return worst ? { features, worst } : null;
}
