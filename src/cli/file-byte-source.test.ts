import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileByteSource } from './file-byte-source';

const PATH = new URL('../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url).pathname;
const whole = readFileSync(PATH);

describe('fileByteSource', () => {
  it('reads a range of 20 MB (in parts at once) byte for byte as the file holds it', async () => {
    const source = await fileByteSource(PATH);
    expect(source.size).toBe(69_255_466);
    const start = 1_234_567;
    const bytes = await source.slice(start, start + 20_000_001);
    expect(bytes.length).toBe(20_000_001);
    expect(Buffer.compare(Buffer.from(bytes), whole.subarray(start, start + 20_000_001))).toBe(0);
  });

  it('ends a big range that runs past the end of the file at the end, and reads a small range whole', async () => {
    const source = await fileByteSource(PATH);
    const tail = await source.slice(50_000_000, 90_000_000);
    expect(tail.length).toBe(19_255_466);
    expect(Buffer.compare(Buffer.from(tail), whole.subarray(50_000_000))).toBe(0);
    expect([...(await source.slice(0, 6))]).toEqual([...whole.subarray(0, 6)]); // 'ARROW1'
  });
});
