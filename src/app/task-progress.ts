/**
 * A long task of the app shown with a progress bar: opening files (bytes read of their size,
 * rows parsed), decoding rows, or binning (for a streamed file with a new category filter: the
 * file decoded again, bytes read and rows decoded). `bytes` and `size` are absent when the task's share
 * done is unknown (the bar is then indeterminate); `startedAt` is `performance.now()` at start.
 */
export interface TaskProgress {
  readonly stage: 'open' | 'load' | 'bin';
  readonly label: string;
  readonly bytes?: number;
  readonly size?: number;
  readonly rows?: number;
  readonly startedAt: number;
}

/**
 * The progress line under the bar: '12 MB of 75 MB · 524,288 rows · 3.2 s'.
 * @example progressLine({ stage: 'open', label: 'x', bytes: 12e6, size: 75e6, rows: 524288, startedAt: 0 }, 3200)
 *   // → '12 MB of 75 MB · 524,288 rows · 3.2 s'
 */
export function progressLine(progress: TaskProgress, now: number): string {
  const parts: string[] = [];
  if (progress.size !== undefined) parts.push(`${megabytes(progress.bytes ?? 0)} of ${megabytes(progress.size)}`);
  if (progress.rows !== undefined && (progress.stage !== 'open' || progress.rows > 0)) parts.push(`${progress.rows.toLocaleString('en-US')} rows`);
  parts.push(`${(Math.max(0, now - progress.startedAt) / 1000).toFixed(1)} s`);
  return parts.join(' · ');
}

/** A byte count in whole decimal megabytes ('75 MB'), or kilobytes below one megabyte. */
function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB` : `${Math.round(bytes / 1e3).toLocaleString('en-US')} kB`;
}
