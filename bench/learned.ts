/**
 * Issue 4's targets: time per fold (fit + predict) of each learned model on Chicago, res 8,
 * weekly, all categories — GRU under 10 s, Poisson GLM under 2 s — on the WASM backend in
 * Node, next to the CPU backend for comparison. Also the SEPP (plain TypeScript).
 * `npm run bench -- learned` runs both backends; `node bin/run-ts.js bench/learned.ts cpu` one.
 */
import { execFileSync } from 'node:child_process';
import { timeModels } from '../src/lib/forecast/tf';
import { SEPP } from '../src/lib/forecast/sepp';
import { neighbours } from '../src/lib/grid/neighbours';
import { historyOf } from '../src/lib/forecast/history';
import { chicagoWeeklyPanel } from './chicago-weekly-panel';
import { emit, timed } from './measure';

const backend = process.argv[2] as 'wasm' | 'cpu' | undefined;
if (!backend) {
  // Each backend in its own process: tfjs keeps the first backend it starts.
  for (const name of ['wasm', 'cpu']) {
    const out = execFileSync(process.execPath, ['bin/run-ts.js', 'bench/learned.ts', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(out);
  }
} else {
  const panel = chicagoWeeklyPanel();
  const P = panel.periods.length;
  const timings = await timeModels(panel, { backend, cutoffs: [P - 2, P - 1] });
  const perModel: Record<string, number> = {};
  for (const t of timings) perModel[t.model] = Math.round(t.meanFoldMs);
  if (backend === 'wasm') {
    const lists = neighbours(panel.cells, 0);
    const [, seppMs] = await timed(async () => {
      for (const cutoff of [P - 2, P - 1]) {
        const model = SEPP.create({ maxIterations: 200, tolerance: 1e-8, shrinkage: 1, accelerate: true }, { res: panel.res, bucket: panel.bucket });
        await model.fit(historyOf(panel, lists, cutoff), { seed: 1, validation: 8 });
        model.predict(1);
      }
    });
    perModel.sepp = Math.round(seppMs / 2);
  }
  emit({
    name: `learned models per fold, Chicago res 8 weekly, ${backend} backend`,
    cells: panel.cells.length,
    periods: P,
    meanFoldMs: perModel,
    epochs: Object.fromEntries(timings.map((t) => [t.model, t.folds.map((f) => `${f.chosenEpoch ?? '-'}/${f.epochs}`).join(' ')])),
    targets: 'gru < 10000 ms, poisson-glm < 2000 ms (wasm)',
  });
}
