/** The bundled Chicago sample binned as the app bins it at start-up (res 8, weekly), for the lesson benchmarks. */
import { readFileSync } from 'node:fs';
import type { Panel } from '../src/lib/grid/panel';
import { readArrow } from '../src/lib/io/read-arrow';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { preparePanel } from '../src/lib/pipeline/prepare-panel';
import type { LessonContext } from '../src/lib/lessons/lesson-context';

/** The sample's binned panel. */
export function samplePanel(): Panel {
  const name = 'chicago-3-types-2014-2018.arrow';
  const source = readArrow(new Uint8Array(readFileSync(new URL(`../public/samples/${name}`, import.meta.url))), name);
  return preparePanel([source], '', { mapping: detectMapping([source]).mapping!, bin: { res: 8, unit: 'week' } }).panel;
}

/** A lesson context on `panel` (no boundary, never cancelled, no progress). */
export function lessonContext(panel: Panel | null): LessonContext {
  return { panel, region: null, signal: new AbortController().signal, progress: () => {} };
}
