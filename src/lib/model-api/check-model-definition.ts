import { resolveParams, type ModelDefinition, type ParamValue } from '../forecast/model-definition';
import { checkForecaster, type ContractCheck } from './check-forecaster';
import { contractPanel } from './contract-panels';

/**
 * Runs the Forecaster contract (`checkForecaster`) on a model definition with its default
 * parameters (or `params`), created for the check panel's resolution and weekly bucket.
 * @example (await checkModelDefinition(SAME_WEEK_MEAN)).filter((c) => !c.ok) // → []
 */
export async function checkModelDefinition(definition: ModelDefinition, params: Readonly<Record<string, ParamValue>> = {}): Promise<ContractCheck[]> {
  const panel = contractPanel();
  const values = resolveParams(definition, params);
  return checkForecaster(() => definition.create(values, { res: panel.res, bucket: panel.bucket }));
}
