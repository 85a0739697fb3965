import type { ExternalModel } from '../evaluate/external-model';
import { readSource } from '../io/read-source';
import { sha256Hex } from '../io/sha256-hex';
import { externalModel } from './external-model';
import { readForecastFile, type ForecastFile, type ForecastFileOptions } from './read-forecast-file';

/** An external forecast file opened: the model to add to a backtest, the decoded file (for its detected shape) and its SHA-256. */
export interface OpenedExternal {
  readonly model: ExternalModel;
  readonly file: ForecastFile;
  readonly sha256: string;
}

/**
 * Opens a forecast file made elsewhere from its bytes: reads it (`readSource`: Arrow, CSV as vendors hand over, gzip), takes its
 * SHA-256, decodes it (`readForecastFile`) and wraps it as an external model named `name`.
 * Every shell (CLI, worker, tests) opens external files through this.
 * @example (await openExternal('vendor', bytes, 'vendor.arrow')).file.columns.shape // → 'cell'
 */
export async function openExternal(name: string, bytes: Uint8Array, fileName: string, options: ForecastFileOptions = {}): Promise<OpenedExternal> {
  const source = await readSource(bytes, fileName);
  const sha256 = await sha256Hex(bytes);
  const file = readForecastFile(source, options);
  return { model: externalModel(name, file, sha256), file, sha256 };
}
