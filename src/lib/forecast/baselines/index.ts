import type { ModelDefinition } from '../model-definition';
import { EWMA } from './ewma';
import { HISTORIC_AVERAGE } from './historic-average';
import { KDE } from './kde';
import { NAIVE } from './naive';
import { PROSPECTIVE } from './prospective';
import { SEASONAL_NAIVE } from './seasonal-naive';
import { SHRUNK_AVERAGE } from './shrunk-average';
import { WINDOW_AVERAGE } from './window-average';

export { ewma, ewmaLevel, EWMA } from './ewma';
export { historicAverage, historicAverageLevel, HISTORIC_AVERAGE } from './historic-average';
export { bandwidthInRings, kde, kdeLevel, KDE, KDE_WINDOW, type KdeOptions } from './kde';
export { naive, naiveLevel, NAIVE } from './naive';
export { prospective, prospectiveLevel, PROSPECTIVE, PROSPECTIVE_PERIODS } from './prospective';
export { seasonalNaive, seasonalNaiveForecast, SEASONAL_NAIVE, SEASON_LENGTH } from './seasonal-naive';
export { shrunkAverage, shrunkAverageLevel, SHRUNK_AVERAGE } from './shrunk-average';
export { windowAverage, windowAverageLevel, WINDOW_AVERAGE, WINDOW_LENGTH } from './window-average';
export { quarticRingWeights } from './quartic-ring-weights';
export { flatForecast } from './flat-forecast';

/**
 * Every baseline model, in the order menus and reports list them (simplest first). Ids are
 * unique; `createModel(parseModelSpec('window-average:k=8'), BASELINES, context)` makes one.
 * @example BASELINES.map((d) => d.id)
 *   // → ['naive', 'seasonal-naive', 'historic-average', 'shrunk-average', 'window-average', 'ewma', 'kde', 'prospective']
 */
export const BASELINES: readonly ModelDefinition[] = [NAIVE, SEASONAL_NAIVE, HISTORIC_AVERAGE, SHRUNK_AVERAGE, WINDOW_AVERAGE, EWMA, KDE, PROSPECTIVE];
