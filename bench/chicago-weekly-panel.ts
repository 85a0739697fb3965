import { binIncidents } from '../src/lib/grid/bin-incidents';
import type { Panel } from '../src/lib/grid/panel';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { loadIncidents } from '../src/lib/io/load-incidents';
import { readArrow } from '../src/lib/io/read-arrow';
import { readShared } from './measure';

/** The Chicago panel the model benchmarks use: all categories (or one), res 8, weekly. */
export function chicagoWeeklyPanel(category?: string): Panel {
  const source = readArrow(readShared('chicago-crimes-2014-2018.arrow'), 'chicago-crimes-2014-2018.arrow');
  const mapping = detectMapping([source]).mapping!;
  const incidents = loadIncidents([source], category ? { ...mapping, categories: [category] } : mapping);
  return binIncidents(incidents, { res: 8, unit: 'week' }).panel;
}
