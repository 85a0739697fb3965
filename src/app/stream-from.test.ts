import { describe, expect, it } from 'vitest';
import { streamFromAddress } from './stream-from';

describe('streamFromAddress', () => {
  it('reads ?streamfrom=N in MB as bytes, 0 included', () => {
    expect(streamFromAddress('?streamfrom=0')).toBe(0);
    expect(streamFromAddress('?sample=x&streamfrom=1.5')).toBe(1_572_864);
  });
  it('leaves the worker default for no value, an empty one, a negative or a non-number', () => {
    expect(streamFromAddress('')).toBeUndefined();
    expect(streamFromAddress('?streamfrom=')).toBeUndefined();
    expect(streamFromAddress('?streamfrom=-1')).toBeUndefined();
    expect(streamFromAddress('?streamfrom=big')).toBeUndefined();
  });
});
