import { describe, expect, it } from 'vitest';
import { bytesSource } from '../io/byte-source';
import { openStreams } from './load';

// A CSV of 2,000 rows (about 60 kB), read in 4 kB chunks.
const csv = new TextEncoder().encode(
  'occurred_at,latitude,longitude\n' + Array.from({ length: 2000 }, (_, i) => `2018-01-01T00:${String(i % 60).padStart(2, '0')}:00,41.88,-87.63`).join('\n'),
);

describe('openStreams on a CSV: progress and cancel, as for Arrow', () => {
  it('reports the bytes read as the chunks pass, ending at the file size', async () => {
    const seen: number[] = [];
    const opened = await openStreams([bytesSource('a.csv', csv, 4096)], { onProgress: (_file, p) => seen.push(p.bytes) });
    expect(opened.sources[0].table.numRows).toBe(2000);
    expect(seen.length).toBe(Math.ceil(csv.length / 4096));
    expect(seen.at(-1)).toBe(csv.length);
  });

  it('stops between chunks when the signal is aborted, with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the user');
    let calls = 0;
    const reading = openStreams([bytesSource('a.csv', csv, 4096)], {
      signal: controller.signal,
      onProgress: () => {
        if (++calls === 3) controller.abort(reason);
      },
    });
    await expect(reading).rejects.toBe(reason);
    expect(calls).toBe(3);
  });
});
