import { DROP_REASONS, type DropReason } from './incidents';

/**
 * A one-byte code per drop reason for the per-row reason array the decoders fill in
 * (0 = kept; k = DROP_REASONS[k − 1]). A row keeps the first reason found, and reasons are
 * found in DROP_REASONS order, so a row with a null time and a null location counts as
 * 'time-null' only.
 *
 * @example
 * DROP_CODE['time-null'] // → 1; DROP_REASONS[DROP_CODE['location-zero'] - 1] // → 'location-zero'
 */
export const DROP_CODE: Readonly<Record<DropReason, number>> = Object.fromEntries(DROP_REASONS.map((reason, i) => [reason, i + 1])) as Record<
  DropReason,
  number
>;
