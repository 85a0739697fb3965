import type { Report } from './report';
import type { Clock } from '../io/incidents';

/**
 * How the app and the report name the clock of a panel's periods: wall-clock readings in their
 * zone (or, when nothing declares one, say so instead of naming the 'UTC' the bucket spec keeps
 * as a label), or instants bucketed on a zone's calendar.
 * @example clockLabel('wall', 'UTC', false) // → 'local wall-clock time, zone not declared'
 * @example clockLabel('instant', 'America/Chicago', true) // → 'instants, calendar of America/Chicago'
 */
export function clockLabel(clock: Clock, timeZone: string, declared: boolean): string {
  if (clock === 'wall') return declared ? `local wall-clock time, ${timeZone}` : 'local wall-clock time, zone not declared';
  return `instants, calendar of ${timeZone}`;
}

/**
 * Whether a report's panel has a declared zone, judged from the report alone: wall-clock
 * periods labelled 'UTC' with no zone in the column mapping are taken as undeclared (the
 * loader labels zone-less readings 'UTC'); anything else counts as declared.
 * @example reportZoneDeclared({ panel: { clock: 'wall', timeZone: 'UTC' }, data: { mapping: { time: {} } } }) // → false
 */
export function reportZoneDeclared(report: Pick<Report, 'panel' | 'data'>): boolean {
  const { clock, timeZone } = report.panel;
  const mapped = (report.data.mapping as { time?: { timeZone?: string } } | undefined)?.time?.timeZone;
  return !(clock === 'wall' && timeZone === 'UTC' && !mapped);
}
