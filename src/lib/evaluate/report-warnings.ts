import { REMEDY_PHRASES, wordRemedies, type RemedyWords } from '../io/load-remedies';
import type { Report } from './report';

/** How a shell words the remedies of a report's load warnings (`REMEDY_PHRASES`' settings as its own controls). */
export type { RemedyWords };

/**
 * A report's load warnings (`report.data.warnings`) as a rendering shows them: each remedy worded
 * as `remedies`, the rendering shell's own controls (the CLI's flags, the app's fields); by
 * default the neutral phrases the report keeps. None for a report without warnings.
 * @example reportWarnings(report, { declareZone: 'declare it with --tz ZONE', dropDuplicates: '…' })[0] // → "no time zone declared for 'occurred_at' (…); declare it with --tz ZONE"
 */
export function reportWarnings(report: { readonly data: Pick<Report['data'], 'warnings'> }, remedies: RemedyWords = REMEDY_PHRASES): string[] {
  return (report.data.warnings ?? []).map((warning) => wordRemedies(warning, remedies));
}
