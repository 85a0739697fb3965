import { InputError } from '../base/hexcast-error';
import type { ExternalContext, ExternalModel } from '../evaluate/external-model';
import { matchForecastFile } from './match-forecast-file';
import type { ForecastFile } from './read-forecast-file';

/**
 * A model whose forecasts come from a decoded forecast file (`readForecastFile`): nothing is
 * fitted; `backtest` asks which folds it covers and then for its forecasts on the folds scored
 * (`matchForecastFile`). `sha256` is the file's fingerprint, recorded in the report.
 * Throws an InputError when the name is empty or the declared kind needs a value the file lacks.
 * @example externalModel('vendor', readForecastFile(source), sha).name // → 'vendor'
 */
export function externalModel(name: string, file: ForecastFile, sha256: string): ExternalModel {
  if (!/^[\w.-]+$/.test(name)) {
    throw new InputError(`external model name '${name}' must be letters, digits, '.', '_' or '-' (it names a column of the forecasts file)`, {
      code: 'external-name',
      file: file.source.name,
      field: 'external.name',
    });
  }
  const kind = file.options.kind;
  if ((kind === 'count' || kind === 'score') && !file.value) {
    throw new InputError(
      `forecast file '${file.source.name}' is declared a ${kind} but has no value column (forecast, expected, score…): it can only be flags`,
      {
        code: 'external-kind',
        file: file.source.name,
        field: 'external.kind',
      },
    );
  }
  return {
    name,
    coverage: (context: ExternalContext) => matchForecastFile(name, file, sha256, context, null).covered,
    match: (context: ExternalContext, scored: Uint8Array) => matchForecastFile(name, file, sha256, context, scored),
  };
}
