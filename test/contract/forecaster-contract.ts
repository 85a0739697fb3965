/**
 * The contract every forecaster passes (STYLE.md, "Forecasters"): same input → output of
 * shape horizon × cells, finite and non-negative, a name, deterministic for a seed, and no
 * information from after the cutoff. Call `describeForecasterContract` from the model's own
 * test file. The checks themselves live in src/lib/model-api (`checkForecaster`), so that
 * `hexcast check-model` runs exactly these on a user's model file.
 */
import { describe, expect, it } from 'vitest';
import type { Forecaster } from '../../src/lib/forecast/forecaster';
import { CONTRACT_CHECKS, checkForecaster, type ContractCheck } from '../../src/lib/model-api/check-forecaster';

export { contractPanel, forecastAt, panelsDifferingFrom } from '../../src/lib/model-api/contract-panels';

/**
 * Registers the shared contract tests for a forecaster factory: one test per check of
 * `checkForecaster`, which runs once. `make` must return a fresh, unfitted instance each call.
 */
export function describeForecasterContract(label: string, make: () => Forecaster, options: { timeout?: number } = {}): void {
  const timeout = (options.timeout ?? 30_000) * 6;
  describe(`${label} satisfies the Forecaster contract`, () => {
    let run: Promise<ContractCheck[]> | undefined;
    for (const id of Object.keys(CONTRACT_CHECKS) as ContractCheck['id'][]) {
      it(
        CONTRACT_CHECKS[id],
        async () => {
          run ??= checkForecaster(make);
          const check = (await run).find((c) => c.id === id)!;
          expect({ ok: check.ok, detail: check.detail }).toEqual({ ok: true, detail: check.detail });
        },
        timeout,
      );
    }
  });
}
