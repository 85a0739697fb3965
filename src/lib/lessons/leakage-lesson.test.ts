/**
 * The leakage lesson on the app's bundled sample (Chicago, res 8, weekly; 8 folds, naive and
 * historic average). The lab is seeded, so its numbers are asserted as measured, rounded.
 */
import { describe, expect, it } from 'vitest';
import { bundledSamplePanel } from '../../../test/fixtures/bundled-sample-panel';
import type { LessonContext } from './lesson-context';
import { runLeakageLab } from '../leakage/leakage-lab';
import type { MistakeId } from '../leakage/mistake-catalogue';
import { resolveModels } from '../pipeline/run';
import { LEAKAGE_LESSON_MODELS, LEAKAGE_LESSON_PROTOCOL, leakageLesson } from './leakage-lesson';

const context = (): LessonContext => ({ panel: bundledSamplePanel(), region: null, signal: new AbortController().signal, progress: () => {} });
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

describe('leakageLesson on the bundled sample', () => {
  it('zeros dropped: PAI at 5 % of the naive forecast looks better, its MAE much worse', async () => {
    const pai = await leakageLesson({ mistake: 'zeros-dropped', metric: 'pai' }, context());
    expect([pai.cells, pai.periods, pai.folds]).toEqual([827, 253, 8]);
    expect(pai.key).toEqual({ metric: 'pai', coverage: 0.05 });
    expect(pai.lab.mistakes.map((m) => m.id)).toEqual(['zeros-dropped']);
    expect(pai.bars.map((b) => [b.model, round(b.honest), round(b.leaky)])).toEqual([
      ['naive', 2.6139, 3.2154],
      ['historic-average', 3.4724, 3.8225],
    ]);
    expect(pai.unchanged).toBe(false);
    const mae = await leakageLesson({ mistake: 'zeros-dropped', metric: 'mae' }, context());
    expect(mae.bars[0].value).toBeLessThan(-0.25);
  }, 60_000);

  it('the random split hurts naive (its "last week" is a random one); tuning on the test folds flatters the tuned window average', async () => {
    const random = await leakageLesson({ mistake: 'random-split', metric: 'pai' }, context());
    expect(random.bars.map((b) => [b.model, round(b.honest), round(b.leaky)])).toEqual([
      ['naive', 2.6139, 2.3716],
      ['historic-average', 3.4724, 3.483],
    ]);
    const tuning = await leakageLesson({ mistake: 'tuning-on-test', metric: 'pai' }, context());
    expect(tuning.bars.map((b) => [b.model, round(b.honest), round(b.leaky)])).toEqual([
      ['window-average (k tuned)', 3.4027, 3.438],
      ['ewma (α tuned)', 3.4365, 3.4518],
    ]);
  }, 60_000);

  it('the region drawn with test data changes nothing here: every cell had an incident before the first cutoff', async () => {
    const region = await leakageLesson({ mistake: 'region-from-all-data', metric: 'pai' }, context());
    expect(region.unchanged).toBe(true);
    expect(region.regionCells).toBe(827);
  }, 60_000);

  it('runs only the asked mistakes of the lab: the same rows as the whole lab’s, after the honest backtest', async () => {
    const models = await resolveModels(LEAKAGE_LESSON_MODELS);
    const stages: string[] = [];
    const lab = async (mistakes?: MistakeId[]) =>
      (
        await runLeakageLab({
          panel: bundledSamplePanel(),
          protocol: LEAKAGE_LESSON_PROTOCOL,
          models: models.specs,
          definitions: models.definitions,
          data: { kind: 'panel', files: [], sha256: '', rows: { read: 0, kept: 0, dropped: {} } },
          environment: { hexcast: 'test', runtime: 'test', libraries: {} },
          createdAt: new Date(0),
          ...(mistakes && { mistakes, onStage: (stage: string) => stages.push(stage) }),
        })
      ).lab;
    const whole = await lab();
    const two = await lab(['zeros-dropped', 'random-split']);
    expect(two.mistakes.map((m) => m.id)).toEqual(['random-split', 'zeros-dropped']);
    expect(stages).toEqual(['Honest backtest', 'Random split of periods', 'Only cells with incidents scored']);
    expect(two.mistakes).toEqual(whole.mistakes.filter((m) => m.id === 'random-split' || m.id === 'zeros-dropped'));
  }, 120_000);

  it('needs a binned panel', async () => {
    await expect(leakageLesson({ mistake: 'random-split', metric: 'pai' }, { ...context(), panel: null })).rejects.toThrow(/needs binned data/);
  });
});
