import { describe, expect, it } from 'vitest';
import { ceilingLesson } from './ceiling-lesson';
import { CEILING_DEFAULTS } from './ceiling-defaults';
import type { LessonContext } from './lesson-context';
import { patchGeometry } from '../simulate/patch-geometry';
import { openFiles, loadMapped } from '../pipeline/load';
import { detectMapping } from '../io/detect-mapping';
import { regionFromCells } from '../grid/study-region';

const context = (panel: LessonContext['panel']): LessonContext => ({ panel, region: null, signal: new AbortController().signal, progress: () => {} });

describe('ceilingLesson', () => {
  it('without binned data simulates on a 1 + 3·10·11 = 331-cell patch and ranks the oracle first on hit rate and deviance', async () => {
    const out = await ceilingLesson({ ...CEILING_DEFAULTS, concentration: 1.5 }, context(null));
    expect(out.geography).toBe('patch');
    expect(out.cells).toHaveLength(331);
    expect(out.models.map((m) => m.id)).toEqual(['naive', 'historic-average', 'kde', 'oracle']);
    const [naive, , , oracle] = out.models;
    for (const m of out.models.slice(0, 3)) {
      expect(oracle.deviance).toBeLessThan(m.deviance);
      expect(oracle.hitRate).toBeGreaterThanOrEqual(m.hitRate - 0.02);
    }
    expect(oracle.hitRate).toBeGreaterThan(naive.hitRate);
    // The realised oracle hit rate is one draw of a quantity whose mean is the expected ceiling (within its fold interval).
    expect(out.expectedCeiling).toBeGreaterThan(oracle.hitRateLo - 0.02);
    expect(out.expectedCeiling).toBeLessThan(oracle.hitRateHi + 0.02);
    // At coverage 0 nothing is captured; the curve rises with coverage.
    expect(out.coverage[5]).toBeCloseTo(0.05, 12);
    expect(oracle.curve[0]).toBe(0);
    expect(oracle.curve[30]).toBeGreaterThan(oracle.curve[5]);
    expect(out.recordedTotal).toBeLessThan(out.trueTotal);
  });

  it('uses the binned panel’s cells and periods when there is one, and a flat world puts the ceiling at about the area share', async () => {
    const geometry = patchGeometry({ rings: 6, periods: 60 });
    const panel = { ...geometry, counts: new Float32Array(60 * geometry.cells.length) };
    const out = await ceilingLesson({ seed: 3, meanRate: 1, concentration: 0, noise: 0, excitation: 0, reportingSpread: 0 }, context(panel));
    expect(out.geography).toBe('data');
    expect(out.cells).toEqual(geometry.cells);
    // Every cell alike: the oracle's flagged 5 % of the area expects 5 % of the incidents (cells differ in area by a few per cent).
    expect(out.expectedCeiling).toBeCloseTo(0.05, 2);
  });

  it('honours the loaded boundary: the world is simulated and scored on the cells inside it only, the hottest cell outside left out', async () => {
    const geometry = patchGeometry({ rings: 3, periods: 40 });
    const panel = { ...geometry, counts: new Float32Array(40 * geometry.cells.length) };
    const input = { ...CEILING_DEFAULTS, concentration: 1.5, withGeometry: true };
    const everywhere = await ceilingLesson(input, context(panel));
    expect(everywhere.cells).toHaveLength(37); // 1 + 3·3·4
    const hottest = everywhere.risk.indexOf(Math.max(...everywhere.risk));
    const inside = geometry.cells.filter((_, c) => c !== hottest);
    const bounded = await ceilingLesson(input, { ...context(panel), region: regionFromCells(panel, inside) });
    expect(bounded.geography).toBe('data');
    expect(bounded.cells).toEqual(inside);
    expect(bounded.cells).not.toContain(everywhere.cells[hottest]);
    expect(bounded.risk).toHaveLength(36);
    expect(bounded.geometry?.paths).toHaveLength(36);
    // Number for number the lesson on a panel that only ever had the 36 cells inside.
    const keep = (c: number): boolean => c !== hottest;
    const cut = { ...geometry, cells: inside, area: geometry.area.filter((_, c) => keep(c)), counts: new Float32Array(40 * 36) };
    const alone = await ceilingLesson(input, context(cut));
    expect(bounded.expectedCeiling).toBe(alone.expectedCeiling);
    expect(bounded.recordedTotal).toBe(alone.recordedTotal);
    expect(bounded.models.map((m) => [m.hitRate, m.deviance])).toEqual(alone.models.map((m) => [m.hitRate, m.deviance]));
    expect(bounded.recordedTotal).not.toBe(everywhere.recordedTotal);
  });

  it('exports the recorded incidents as an Arrow file the workbench opens: one row per recorded incident', async () => {
    const geometry = patchGeometry({ rings: 3, periods: 40 });
    const panel = { ...geometry, counts: new Float32Array(40 * geometry.cells.length) };
    const out = await ceilingLesson({ ...CEILING_DEFAULTS, exportArrow: true }, context(panel));
    const opened = await openFiles([{ name: 'world.arrow', bytes: out.arrow! }]);
    const loaded = loadMapped(opened, detectMapping(opened.sources).mapping!);
    expect(loaded.incidents.length).toBe(out.recordedTotal);
  });
});
