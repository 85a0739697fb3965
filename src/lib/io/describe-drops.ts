import { DROP_REASON_TEXT, DROP_REASONS, type DropReason } from './incidents';

/**
 * The drop reasons that occurred, largest first, as one phrase for a message:
 * '3,225 time-null (time is missing (null))'; '' when nothing was dropped.
 *
 * @example
 * describeDrops({ ...emptyDropCounts(), 'time-null': 3225 }) // → '3,225 time-null (time is missing (null))'
 */
export function describeDrops(dropped: Readonly<Record<DropReason, number>>): string {
  return DROP_REASONS.filter((reason) => dropped[reason] > 0)
    .sort((a, b) => dropped[b] - dropped[a])
    .map((reason) => `${dropped[reason].toLocaleString('en-US')} ${reason} (${DROP_REASON_TEXT[reason]})`)
    .join(', ');
}
