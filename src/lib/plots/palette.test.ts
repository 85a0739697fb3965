import { describe, expect, it } from 'vitest';
import { linePlot } from './line-plot';
import { ACTUAL_STYLE, DASHES, MODEL_COLOURS, seriesStyle } from './palette';

/** Every mix of kinds for N series: all baselines, all learned, the default order (baselines first), alternating. */
function kindLists(N: number): ('baseline' | 'learned')[][] {
  return [
    Array.from({ length: N }, () => 'baseline' as const),
    Array.from({ length: N }, () => 'learned' as const),
    Array.from({ length: N }, (_, i) => (i < 8 ? 'baseline' : 'learned')),
    Array.from({ length: N }, (_, i) => (i % 2 ? 'baseline' : 'learned')),
    Array.from({ length: N }, (_, i) => (i % 3 ? 'learned' : 'baseline')),
  ];
}

describe('seriesStyle(i, kind)', () => {
  it.each(Array.from({ length: 16 }, (_, n) => n + 1))('no two of %i series share colour and dash, whatever their kinds', (N) => {
    for (const kinds of kindLists(N)) {
      const keys = kinds.map((kind, i) => {
        const { colour, dash } = seriesStyle(i, kind);
        return `${colour}|${dash}`;
      });
      expect(new Set(keys).size).toBe(N);
    }
  });

  it('draws the GRU (learned, series 8) unlike naive (baseline, series 0): same hue, another dash', () => {
    expect(seriesStyle(0, 'baseline')).toEqual({ colour: '#0072B2', dash: '6 3', width: 2 });
    expect(seriesStyle(8, 'learned')).toEqual({ colour: '#0072B2', dash: '12 3', width: 2 });
    expect(seriesStyle(8, 'baseline')).toEqual({ colour: '#0072B2', dash: '2 3', width: 2 });
  });

  it('keeps baselines dashed and the two kinds’ dash sets apart', () => {
    expect(DASHES.baseline).not.toContain('');
    for (const dash of DASHES.baseline) expect(DASHES.learned).not.toContain(dash);
  });

  it('never gives a model the actual counts’ style: no black, thinner, no markers, for 32 series of either kind', () => {
    expect(MODEL_COLOURS).not.toContain(ACTUAL_STYLE.colour);
    for (let i = 0; i < 32; i++) {
      for (const kind of ['baseline', 'learned'] as const) {
        const style = seriesStyle(i, kind);
        expect(style.colour).not.toBe(ACTUAL_STYLE.colour);
        expect(style.width).toBeLessThan(ACTUAL_STYLE.width);
        expect(style.marker).toBeUndefined();
      }
    }
  });

  it('reaches the drawing: 8 baselines and 8 learned models in one line plot, legend included, are 16 different strokes', () => {
    const series = Array.from({ length: 16 }, (_, i) => ({ name: `m${i}`, kind: i < 8 ? ('baseline' as const) : ('learned' as const), x: [0, 1], y: [i, i] }));
    const plot = linePlot(series, { xLabel: 'x', yLabel: 'y' });
    expect(new Set(plot.series.map((s) => `${s.colour}|${s.dash}`)).size).toBe(16);
    expect(plot.legend.map((l) => `${l.colour}|${l.dash}`)).toEqual(plot.series.map((s) => `${s.colour}|${s.dash}`));
    // The ninth slot (learned: the GRU's in a run of 8 baselines) shares naive's colour but not its dash.
    expect(plot.series[8]).toMatchObject({ colour: plot.series[0].colour, dash: '12 3' });
    expect(plot.series[0].dash).toBe('6 3');
  });
});
