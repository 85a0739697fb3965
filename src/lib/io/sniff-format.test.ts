import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff-format';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('sniffFormat', () => {
  it.each([
    [bytes(), 'empty'],
    [bytes(0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0), 'arrow-file'],
    [bytes(0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0), 'arrow-stream'],
    [bytes(0x50, 0x41, 0x52, 0x31), 'parquet'],
    [bytes(0x50, 0x4b, 0x03, 0x04), 'zip'],
    [bytes(0x00, 0x01, 0x02, 0x03), 'unknown'],
    [new TextEncoder().encode('\uFEFFa;b\n1;2'), 'csv'],
    [new TextEncoder().encode('  {"a": 1}'), 'json'],
    [new TextEncoder().encode('<!doctype html>'), 'markup'],
    [new TextEncoder().encode('just words'), 'text'],
  ])('sniffFormat(%o).format → %s', (input, format) => {
    expect(sniffFormat(input).format).toBe(format);
  });

  it('sniffFormat reads text cut inside a multi-byte character at the 4 KiB boundary as text', () => {
    const text = new TextEncoder().encode(`a,b\n${'é'.repeat(3000)}`); // 'é' is 2 bytes: byte 4096 splits one
    expect(sniffFormat(text).format).toBe('csv');
  });

  it('sniffFormat shows the first bytes of unknown binary data', () => {
    expect(sniffFormat(bytes(0xde, 0xad, 0xbe, 0xef)).description).toBe('binary data of an unknown kind (first bytes: de ad be ef)');
  });
});
