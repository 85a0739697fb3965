import { readFileSync } from 'node:fs';
import { binIncidents } from '../src/lib/grid/bin-incidents';
import type { Panel } from '../src/lib/grid/panel';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { loadIncidents } from '../src/lib/io/load-incidents';
import { readArrow } from '../src/lib/io/read-arrow';
import { DEFAULT_BINNING } from '../src/lib/pipeline/defaults';

/** The panel a lesson page gets at start-up: the app's bundled Chicago sample (public/samples), binned with the default settings (res 8, weekly). */
export function bundledSamplePanel(): Panel {
  const name = 'chicago-3-types-2014-2018.arrow';
  const source = readArrow(new Uint8Array(readFileSync(new URL(`../public/samples/${name}`, import.meta.url))), name);
  const incidents = loadIncidents([source], detectMapping([source]).mapping!);
  return binIncidents(incidents, { res: DEFAULT_BINNING.res, unit: DEFAULT_BINNING.unit }).panel;
}

/** A lesson context on `panel` (no boundary, never cancelled, progress ignored). */
export function lessonContextOf(panel: Panel) {
  return { panel, region: null, signal: new AbortController().signal, progress: () => {} };
}
