import { describe, expect, it } from 'vitest';
import { NO_CURVES, lossCurveOf, withFitPoint } from './fold-curves';

const step = (stage: string, s: number, loss: number, valLoss?: number) => ({
  stage,
  step: s,
  steps: 5,
  loss,
  ...(valLoss !== undefined && { valLoss }),
  elapsedMs: 0,
});

describe('fold curves', () => {
  it('keeps each fold apart, starts a fold afresh at a new stage or a repeated step, and ignores steps without a loss', () => {
    let curves = withFitPoint(NO_CURVES, 3, step('warm-start', 1, 9));
    curves = withFitPoint(curves, 1, step('iteration', 1, 5, 6));
    curves = withFitPoint(curves, 3, step('iteration', 1, 4));
    curves = withFitPoint(curves, 3, step('iteration', 2, 3));
    curves = withFitPoint(curves, 1, step('iteration', 2, 4, 5));
    expect(withFitPoint(curves, 1, { stage: 'features', elapsedMs: 1 })).toBe(curves);
    // Fold 3 starts again (a task handed back by a helper that died): its points from step 1 on are dropped.
    curves = withFitPoint(curves, 3, step('iteration', 1, 3.5));
    expect(lossCurveOf('glm', curves)).toEqual({
      model: 'glm',
      fold: 3,
      stage: 'iteration',
      epochs: [{ epoch: 1, loss: 3.5 }],
      earlier: [
        {
          fold: 1,
          epochs: [
            { epoch: 1, loss: 5, valLoss: 6 },
            { epoch: 2, loss: 4, valLoss: 5 },
          ],
        },
      ],
    });
    expect(lossCurveOf('glm', NO_CURVES)).toBeUndefined();
  });
});
