import { describe, expect, it } from 'vitest';
import { borrowFloat64, returnFloat64 } from './scratch';

describe('borrowFloat64 / returnFloat64 (work arrays of the Newton fit)', () => {
  it('lends a returned buffer again (smallest that fits), and a new one when none fits', () => {
    const a = borrowFloat64(1000);
    const b = borrowFloat64(10);
    a[999] = 7;
    returnFloat64(a, b);
    const small = borrowFloat64(8); // b's 10 values fit: the smaller buffer is lent
    expect(small.buffer).toBe(b.buffer);
    expect(small.length).toBe(8);
    const big = borrowFloat64(1000);
    expect(big.buffer).toBe(a.buffer);
    expect(big[999]).toBe(7); // what the last borrower left: callers write before they read
    const fresh = borrowFloat64(2000);
    expect(fresh.buffer).not.toBe(a.buffer);
    expect(fresh.length).toBe(2000);
    returnFloat64(small, big, fresh);
  });
  it('two borrowers at once get different buffers', () => {
    const a = borrowFloat64(64);
    const b = borrowFloat64(64);
    expect(a.buffer).not.toBe(b.buffer);
    returnFloat64(a, b);
  });
});
