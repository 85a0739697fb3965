import type { ColumnMapping } from '../lib/io/column-mapping';
import { DROP_REASONS, DROP_REASON_TEXT, type LoadReport } from '../lib/io/incidents';
import type { MappingField } from './mapping-error-field';

/**
 * When a load kept no row, the mapping is wrong somewhere: says where, from the reason that
 * dropped the most rows — a time reason points at the time column, a projected location out
 * of range at the CRS, other location reasons at the location columns, the filter at the
 * category. Null when some rows were kept.
 * @example emptyLoadError({ read: 10, kept: 0, dropped: { 'time-unparseable': 10, … } }, mapping)
 *   // → { field: 'time', message: 'No rows kept: all 10 rows were dropped because time could not be parsed. Check the time column and its encoding.' }
 */
export function emptyLoadError(report: Pick<LoadReport, 'read' | 'kept' | 'dropped'>, mapping: ColumnMapping): { field: MappingField; message: string } | null {
  if (report.kept > 0 || report.read === 0) return null;
  const reason = DROP_REASONS.reduce((best, r) => (report.dropped[r] > report.dropped[best] ? r : best), DROP_REASONS[0]);
  const count = report.dropped[reason];
  const share =
    count === report.read
      ? `all ${report.read.toLocaleString('en-US')} rows were`
      : `${count.toLocaleString('en-US')} of ${report.read.toLocaleString('en-US')} rows were`;
  let field: MappingField;
  let advice: string;
  if (reason.startsWith('time-null') || reason === 'time-unparseable' || reason === 'time-implausible') {
    field = 'time';
    advice = 'Check the time column and its encoding.';
  } else if (reason === 'location-out-of-range' && mapping.location.kind === 'xy') {
    field = 'crs';
    advice = 'Check the CRS: the projected coordinates do not land on valid latitudes and longitudes.';
  } else if (reason.startsWith('location')) {
    field = 'location';
    advice = 'Check the location columns.';
  } else if (reason === 'category-filtered') {
    field = 'category';
    advice = 'Check the category filter.';
  } else {
    field = 'time';
    advice = 'Check the time range.';
  }
  return { field, message: `No rows kept: ${share} dropped because ${DROP_REASON_TEXT[reason]}. ${advice}` };
}
