/**
 * # When a forecast grades its own homework: the predictive-policing feedback loop
 *
 * Patrols go where the model points; patrols record more of what happens where they are; the
 * model is retrained on what was recorded. This notebook simulates that loop on synthetic
 * data where the truth is known (src/lib/simulate/feedback-loop.ts) and shows the accuracy a
 * department would measure — on its recorded data — next to the accuracy that matters.
 *
 * Run: `npm run notebooks -- feedback-loop` (a few seconds).
 */
import { historicAverage } from '../src/lib/forecast/baselines';
import { formatPercent } from '../src/lib/base/format-number';
import { linePlot } from '../src/lib/plots/line-plot';
import { simulateFeedbackLoop } from '../src/lib/simulate/feedback-loop';
import { twoRegionLoop } from '../src/lib/simulate/two-region-loop';
import { Notebook } from './notebook';

const detection = { unpatrolled: 0.3, patrolled: 0.9 };
const worlds = [
  { name: 'Uniform risk', story: 'Every one of the 61 cells has the same true risk (0.6 incidents a week).', trueRate: () => 0.6, uniform: true },
  {
    name: 'Real hotspots',
    story: 'True risk is highest at the centre and fades outwards (2.5 e^(−ring/1.5) + 0.2).',
    trueRate: ({ ring }: { ring: number }) => 2.5 * Math.exp(-ring / 1.5) + 0.2,
    uniform: false,
  },
];
const mean = (values: Float64Array): number => values.reduce((a, b) => a + b, 0) / values.length;
/** Trailing mean over `window` weeks (shorter at the start), so the trend shows through the weekly noise. */
const rolling = (values: Float64Array, window = 8): Float64Array => values.map((_, t) => mean(values.subarray(Math.max(0, t - window + 1), t + 1)));

const book = new Notebook('feedback-loop', 'When a forecast grades its own homework: the predictive-policing feedback loop');
book.text(`
  61 H3 cells, 150 weeks. For the first 20 weeks nobody patrols and each incident is recorded
  with probability ${detection.unpatrolled}. From then on, each week the historic average of
  the *recorded* counts picks the top 10 % of cells (6 cells) for patrol, and incidents there
  are recorded with probability ${detection.patrolled} (elsewhere still ${detection.unpatrolled}).
  The model never sees the truth; we do.
`);
const rows: string[][] = [];
for (const [i, world] of worlds.entries()) {
  const result = simulateFeedbackLoop({
    trueRate: world.trueRate,
    rings: 4,
    periods: 150,
    warmup: 20,
    coverage: 0.1,
    detection,
    forecaster: historicAverage,
    seed: 40 + i,
  });
  const weeks = Array.from(result.apparentHitRate, (_, t) => t + 21);
  book.text(`## ${world.name}\n\n${world.story}`);
  book.chart(
    linePlot(
      [
        { name: 'apparent hit rate (recorded incidents)', x: weeks, y: rolling(result.apparentHitRate) },
        { name: 'true hit rate (all incidents)', x: weeks, y: rolling(result.trueHitRate) },
        // With uniform risk every cell is among the riskiest: the overlap means nothing there.
        ...(world.uniform ? [] : [{ name: 'patrolled cells that are truly riskiest', kind: 'baseline' as const, x: weeks, y: rolling(result.riskOverlap) }]),
      ],
      { xLabel: 'Week', yLabel: 'Share (8-week rolling mean)', yDomain: [0, 1], yFormat: (v) => formatPercent(v, 0) },
    ),
    `${world.name}: apparent and true hit rate of the patrolled 10 % of cells`,
  );
  rows.push([
    world.name,
    formatPercent(mean(result.apparentHitRate)),
    formatPercent(mean(result.trueHitRate)),
    world.uniform ? '— (all equally risky)' : formatPercent(mean(result.riskOverlap)),
  ]);
}
book.table(['World', 'Apparent hit rate', 'True hit rate', 'Patrols on truly riskiest cells'], rows);
book.text(`
  ## What to take away

  - With **uniform risk** there is nothing to predict, yet the recorded data say that the 10 %
    of cells the model picks hold about a quarter of all crime: the model is predicting its
    own patrols. The true hit rate stays at the 10 % any random choice would get, and the
    patrolled cells lock in for good.
  - With **real hotspots** the loop still inflates the apparent accuracy above the true one.
  - An honest evaluation needs outcomes that patrols do not produce — calls for service from
    the public, victimisation surveys — or at least a comparison of the same model with the
    baselines on the same recorded data, which is what Hexcast does. No accuracy figure from
    a department's own recorded crime can show that a forecast works.
`);

// ── Who gets patrolled: how exposure drifts ─────────────────────────────────────────────────
book.text(`
  ## Who gets patrolled: how exposure drifts

  Seven cells, two regions of **equal** true risk (0.6 incidents a month per cell). Group
  "west" lives in the three cells west of the centre, "east" in the three east of it, and
  the centre is shared. One cell (1/7 of the area) is patrolled a month, chosen by the
  historic average of what was recorded; 10 warm-up months, then 190 patrolled months, 10
  seeds. "Favoured" is the group whose cells got the first patrol. Exposure share = the
  favoured group's share of the patrolled population (src/lib/evaluate/exposure). Population
  share: 50 %.

  - **Urn** (what predictive policing does): the model learns from every recorded incident.
  - **Ensign et al. correction**: incidents recorded where patrols were sent count with weight
    ${detection.unpatrolled}/${detection.patrolled}, so the model learns from counts that
    estimate the true rate equally everywhere (Ensign et al. 2018, PMLR 81:160–171).
`);
const months = 190;
const blocks: readonly [number, number][] = [
  [0, 10],
  [10, 50],
  [50, 100],
  [100, 190],
];
const drift = (correction: 'none' | 'ensign'): Float64Array => {
  const favouredShare = new Float64Array(months);
  for (let seed = 1; seed <= 10; seed++) {
    const result = twoRegionLoop({ seed, correction, detection });
    const share = result.exposureShare!;
    const g = share[0] >= share[1] ? 0 : 1;
    for (let t = 0; t < months; t++) favouredShare[t] += share[t * 2 + g] / 10;
  }
  return favouredShare;
};
const urn = drift('none');
const corrected = drift('ensign');
const monthAxis = Array.from({ length: months }, (_, t) => t + 1);
book.chart(
  linePlot(
    [
      { name: 'urn: model learns from every recorded incident', x: monthAxis, y: rolling(urn) },
      { name: 'with the Ensign et al. correction', x: monthAxis, y: rolling(corrected) },
      { name: 'population share', kind: 'baseline' as const, x: [1, months], y: [0.5, 0.5] },
    ],
    { xLabel: 'Patrolled month', yLabel: 'Favoured group’s exposure share (mean of 10 seeds)', yDomain: [0, 1], yFormat: (v) => formatPercent(v, 0) },
  ),
  'Exposure share of the initially favoured group, two regions of equal true risk',
);
const blockMean = (values: Float64Array, [from, to]: readonly [number, number]): number => mean(values.subarray(from, to));
book.table(
  ['Months', 'Urn', 'With the correction', 'Population share'],
  blocks.map((block) => [`${block[0] + 1}–${block[1]}`, formatPercent(blockMean(urn, block)), formatPercent(blockMean(corrected, block)), '50 %']),
);
for (const block of blocks) {
  console.log(
    `exposure drift, months ${block[0] + 1}-${block[1]}: urn ${formatPercent(blockMean(urn, block))}, corrected ${formatPercent(blockMean(corrected, block))}`,
  );
}
book.text(`
  Under the urn the first patrols decide who is patrolled for good: in most seeds the favoured
  group keeps every patrol although the risk is the same on both sides. With the correction the
  model's evidence no longer grows where it looks, and the patrols move between the regions; the
  favoured group's share even falls below its population share here, because the first patrol
  went where warm-up noise happened to be high and that lead washes out.
  Exposure is not harm, and this world is a toy; what it shows is that a recorded-incident
  forecaster can move who is flagged by itself, which no backtest on past records can reveal.
`);
console.log(`wrote ${book.save()}`);
