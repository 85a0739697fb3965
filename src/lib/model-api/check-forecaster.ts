import { protocolOf } from '../evaluate/protocol';
import { runForecasts } from '../evaluate/run-forecasts';
import type { Forecaster } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import { neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { contractPanel, panelsDifferingFrom } from './contract-panels';

/** The checks of the Forecaster contract, in the order they run. */
export const CONTRACT_CHECKS = {
  name: 'has a name and a minimum history the check panel can give',
  shape: 'predict(horizon) returns a Float32Array of horizon × cells',
  values: 'every forecast is a finite number ≥ 0',
  deterministic: 'two fits with the same seed give identical forecasts',
  'cutoff-counts': 'forecasts ignore every count after the cutoff',
  'cutoff-cells': 'forecasts ignore incidents after the cutoff that move, appear or vanish, in old or new cells',
} as const;

/** One check's outcome: which check, whether it passed, and in plain words what was found. */
export interface ContractCheck {
  readonly id: keyof typeof CONTRACT_CHECKS;
  readonly title: string;
  readonly ok: boolean;
  /** What was found: on a failure, what went wrong and how to fix it. */
  readonly detail: string;
}

/** The check panel's cutoff, horizon and validation span (a model must fit in cutoff − validation periods). */
const CUTOFF = 60;
const HORIZON = 3;
const VALIDATION = 8;

/** A fit and predict: the forecasts, or which call threw and why. */
interface Attempt {
  readonly out?: unknown;
  readonly error?: string;
}

/** Fits a fresh model and predicts, naming the call that threw. */
async function attempt(make: () => Forecaster, panel: Panel, cutoff: number, seed: number): Promise<Attempt> {
  let model: Forecaster;
  try {
    model = make();
  } catch (error) {
    return { error: `creating the model threw: ${messageOf(error)}` };
  }
  try {
    const history = historyOf(panel, neighbours(panel.cells, Math.max(2, model.neighbourRings ?? 0)), cutoff);
    try {
      await model.fit(history, { seed, validation: VALIDATION });
    } catch (error) {
      return { error: `fit() threw: ${messageOf(error)}` };
    }
    try {
      return { out: model.predict(HORIZON) };
    } catch (error) {
      return { error: `predict(${HORIZON}) threw: ${messageOf(error)}` };
    }
  } finally {
    try {
      model.dispose?.();
    } catch {
      // a failing dispose is not part of the contract checked here
    }
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** 'step 2, cell 5' for index i of a step-major forecast over C cells. */
const where = (i: number, C: number): string => `step ${Math.floor(i / C) + 1}, cell ${i % C}`;

/** Index of the first value that differs between a and b (NaN equals NaN), or −1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/**
 * Runs the Forecaster contract (STYLE.md, "Forecasters") on a model factory and says, in plain
 * words, what passes and what fails — the checks every built-in model's contract test runs, for
 * user code (`hexcast check-model`) as for ours. `make` must return a fresh, unfitted model.
 * The checks, on `contractPanel()` (19 cells × 80 weeks) at cutoff 60 with horizon 3:
 * a non-empty name and minHistory + 8 validation periods ≤ 60; the shape `horizon × cells`
 * (Float32Array, step-major); finite values ≥ 0; identical forecasts from two fits with seed 3;
 * identical forecasts when every count after the cutoff is redrawn; and, through a backtest
 * (`runForecasts`, cutoffs 74, 76, 78 refitting every 2 folds), bit-identical forecasts from
 * cutoffs ≤ 76 when incidents from period 76 on move, appear or vanish (`panelsDifferingFrom`).
 * A check whose model throws fails with the call that threw and its message.
 * @example (await checkForecaster(() => naive())).every((c) => c.ok) // → true
 */
export async function checkForecaster(make: () => Forecaster): Promise<ContractCheck[]> {
  const panel = contractPanel();
  const C = panel.cells.length;
  const checks: ContractCheck[] = [];
  const record = (id: ContractCheck['id'], problem: string | undefined, fine: string): void => {
    checks.push({ id, title: CONTRACT_CHECKS[id], ok: problem === undefined, detail: problem ?? fine });
  };

  let probe: Forecaster | undefined;
  let problem: string | undefined;
  try {
    probe = make();
  } catch (error) {
    problem = `creating the model threw: ${messageOf(error)}`;
  }
  if (probe) {
    const need = probe.minHistory + (probe.usesValidation ? VALIDATION : 0);
    if (typeof probe.name !== 'string' || probe.name.trim() === '') problem = `its name is ${JSON.stringify(probe.name)}; give it a non-empty text name`;
    else if (!Number.isInteger(probe.minHistory) || probe.minHistory < 1)
      problem = `minHistory is ${String(probe.minHistory)}; it must be a whole number of periods ≥ 1`;
    else if (need > CUTOFF) problem = `it needs ${need} training periods; the check panel gives ${CUTOFF} (lower minHistory to check it)`;
    try {
      probe.dispose?.();
    } catch {
      // see attempt()
    }
  }
  record('name', problem, probe ? `'${probe.name}', needs ${probe.minHistory} periods` : '');

  const first = await attempt(make, panel, CUTOFF, 1);
  const expected = HORIZON * C;
  const out = first.out;
  if (first.error) record('shape', first.error, '');
  else if (!(out instanceof Float32Array)) {
    const kind =
      out === null ? 'null' : Array.isArray(out) ? 'an Array' : typeof out === 'object' ? `a ${out.constructor?.name ?? 'object'}` : `a ${typeof out}`;
    record('shape', `predict(${HORIZON}) returned ${kind}; it must return a Float32Array of ${HORIZON} × ${C} = ${expected} values (out[h * cells + c])`, '');
  } else if (out.length !== expected) {
    record(
      'shape',
      `predict(${HORIZON}) returned ${out.length} values for ${C} cells; expected ${HORIZON} × ${C} = ${expected} (one per step and cell, step-major: out[h * cells + c])`,
      '',
    );
  } else record('shape', undefined, `${HORIZON} × ${C} = ${expected} values`);

  if (out instanceof Float32Array) {
    const negative: number[] = [];
    const notFinite: number[] = [];
    out.forEach((v, i) => (Number.isFinite(v) ? v < 0 && negative.push(i) : notFinite.push(i)));
    const say = (list: number[], what: string): string =>
      `${list.length} of ${out.length} forecasts are ${what} (first: ${out[list[0]]} at ${where(list[0], C)})`;
    const problems = [notFinite.length > 0 ? say(notFinite, 'not finite numbers') : '', negative.length > 0 ? say(negative, 'negative') : ''].filter(Boolean);
    record(
      'values',
      problems.length > 0 ? `${problems.join('; ')}; a forecast is an expected count: finite and ≥ 0` : undefined,
      `all ${out.length} finite and ≥ 0`,
    );
  } else record('values', first.error ?? 'no forecasts to check (see the shape check)', '');

  /** Records `id` from two runs that must agree: the first call that threw, the first difference, or `fine`. */
  const agree = (id: ContractCheck['id'], x: Attempt, y: Attempt, problem: (i: number, u: number, v: number) => string, fine: string): void => {
    if (x.error || y.error) return record(id, x.error ?? y.error, '');
    const [u, v] = [x.out as ArrayLike<number>, y.out as ArrayLike<number>];
    const i = firstDifference(u, v);
    record(id, i < 0 ? undefined : problem(i, u[i], v[i]), fine);
  };
  const [a, b] = [await attempt(make, panel, CUTOFF, 3), await attempt(make, panel, CUTOFF, 3)];
  agree(
    'deterministic',
    a,
    b,
    (i, u, v) =>
      `two fits with seed 3 gave different forecasts (first at ${where(i, C)}: ${u} then ${v}); draw every random number from FitOptions.seed (e.g. random(seed) from the model API), never Math.random or the clock`,
    'identical forecasts from two fits with seed 3',
  );
  if (!checks[checks.length - 1].ok && !a.error && !b.error) {
    const notChecked = 'not checked: two fits on the same data already differ (see the determinism check)';
    record('cutoff-counts', notChecked, '');
    record('cutoff-cells', notChecked, '');
    return checks;
  }
  const altered: Panel = { ...panel, counts: panel.counts.slice() };
  for (let i = CUTOFF * C; i < altered.counts.length; i++) altered.counts[i] = (i * 7919) % 23;
  agree(
    'cutoff-counts',
    first,
    await attempt(make, altered, CUTOFF, 1),
    (i, u, v) =>
      `the forecast changed when only counts after the cutoff changed (${where(i, C)}: ${u} became ${v}): the model reads data past the cutoff; use only history.counts (periods before the cutoff), never its underlying buffer`,
    `identical forecasts with every count after period ${CUTOFF} redrawn`,
  );

  record(
    'cutoff-cells',
    await laterIncidentsProblem(make),
    'forecasts from cutoffs 74 and 76 identical with incidents from period 76 on moved, added and deleted',
  );
  return checks;
}

/** The backtest form of "no reads past the cutoff" (`panelsDifferingFrom(76)`): a problem in words, or undefined. */
async function laterIncidentsProblem(make: () => Forecaster): Promise<string | undefined> {
  const t = 76;
  const { before, after } = panelsDifferingFrom(t);
  const protocol = protocolOf({ horizon: 2, folds: 3, step: 2, refitEvery: 2, validation: VALIDATION, seed: 5 });
  let a, b;
  try {
    a = await runForecasts(before, protocol, [make]);
    b = await runForecasts(after, protocol, [make]);
  } catch (error) {
    return `the backtest on the moved-incidents panels failed: ${messageOf(error)}`;
  }
  const common = before.cells.filter((cell) => after.cells.includes(cell));
  for (let k = 0; k < a.cutoffs.length; k++) {
    if (a.cutoffs[k] > t) continue;
    for (let s = 0; s < protocol.horizon; s++) {
      for (const cell of common) {
        const x = a.models[0].values[(k * protocol.horizon + s) * before.cells.length + before.cells.indexOf(cell)];
        const y = b.models[0].values[(k * protocol.horizon + s) * after.cells.length + after.cells.indexOf(cell)];
        if (!Object.is(x, y)) {
          return `the forecast from cutoff ${a.cutoffs[k]} (step ${s + 1}, cell ${cell}) went from ${x} to ${y} when only incidents from period ${t} on changed: the model reads data past the cutoff`;
        }
      }
    }
  }
  return undefined;
}
