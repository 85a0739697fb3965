import { describe, expect, it } from 'vitest';
import { bytesSource, type ByteSource } from './byte-source';
import { rememberSlices } from './remember-slices';

/** A ByteSource over 0, 1, 2, … 99 that counts the ranges it is asked to read. */
function counted(): { source: ByteSource; reads: string[] } {
  const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
  const inner = bytesSource('n.bin', bytes, 30);
  const reads: string[] = [];
  return {
    reads,
    source: { ...inner, slice: (start, end) => (reads.push(`${start}:${end}`), inner.slice(start, end)) },
  };
}

describe('rememberSlices', () => {
  it('reads a range once and gives the same bytes again', async () => {
    const { source, reads } = counted();
    const remembered = rememberSlices(source, 50);
    expect([...(await remembered.slice(10, 14))]).toEqual([10, 11, 12, 13]);
    expect([...(await remembered.slice(10, 14))]).toEqual([10, 11, 12, 13]);
    expect([...(await remembered.slice(98, 200))]).toEqual([98, 99]); // clamped to the file, 2 bytes kept
    expect(reads).toEqual(['10:14', '98:200']);
    expect(remembered.size).toBe(100);
    expect(remembered.name).toBe('n.bin');
  });

  it('forgets the least recently used range beyond the budget, and never keeps one larger than it', async () => {
    const { source, reads } = counted();
    const remembered = rememberSlices(source, 50);
    await remembered.slice(0, 20); // 20 bytes kept
    await remembered.slice(20, 40); // 40
    await remembered.slice(0, 20); // used again: 20:40 is now the oldest
    await remembered.slice(40, 60); // 60 > 50: 20:40 forgotten
    await remembered.slice(0, 20);
    await remembered.slice(20, 40); // read again (forgotten); 40:60 now the oldest and forgotten
    await remembered.slice(0, 60); // 60 > 50: read, not kept
    await remembered.slice(0, 60);
    await remembered.slice(0, 20);
    expect(reads).toEqual(['0:20', '20:40', '40:60', '20:40', '0:60', '0:60']);
  });

  it('keeps only the last `ranges` ranges', async () => {
    const { source, reads } = counted();
    const remembered = rememberSlices(source, 50, 2);
    await remembered.slice(0, 1);
    await remembered.slice(1, 2);
    await remembered.slice(2, 3); // 0:1 forgotten
    await remembered.slice(1, 2);
    await remembered.slice(0, 1);
    expect(reads).toEqual(['0:1', '1:2', '2:3', '0:1']);
  });

  it('passes the chunks through in order', async () => {
    const remembered = rememberSlices(counted().source, 50);
    const lengths: number[] = [];
    for await (const chunk of remembered.chunks()) lengths.push(chunk.length);
    expect(lengths).toEqual([30, 30, 30, 10]);
  });

  it('reads a failed range again', async () => {
    let fail = true;
    const inner = bytesSource('f.bin', new Uint8Array([1, 2, 3]));
    const flaky: ByteSource = { ...inner, slice: (s, e) => (fail ? Promise.reject(new Error('disk')) : inner.slice(s, e)) };
    const remembered = rememberSlices(flaky, 50);
    await expect(remembered.slice(0, 3)).rejects.toThrow('disk');
    fail = false;
    expect([...(await remembered.slice(0, 3))]).toEqual([1, 2, 3]);
  });
});
