import type { OpenedExternal } from '../external/open-external';
import { FORECAST_DROP_REASONS } from '../external/forecast-drop-reasons';
import type { ExternalInfo } from './protocol';

/**
 * What the app shows when a forecast file is added: its fingerprint, detected shape and why,
 * the kind declared (or 'auto'), and the rows already unusable by reason (matching them to
 * folds and cells needs the run's folds, and is in the report).
 * @example externalInfo(opened).unusable // → { 'time-null': 1 }
 */
export function externalInfo(opened: OpenedExternal): ExternalInfo {
  const { file, model, sha256 } = opened;
  const unusable: Record<string, number> = {};
  for (const code of file.reasons) if (code !== 0) unusable[FORECAST_DROP_REASONS[code - 1]] = (unusable[FORECAST_DROP_REASONS[code - 1]] ?? 0) + 1;
  return {
    name: model.name,
    file: file.source.name,
    sha256,
    shape: file.columns.shape,
    reason: file.columns.reason,
    kind: file.options.kind ?? 'auto',
    rows: file.rows,
    unusable,
  };
}
