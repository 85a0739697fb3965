import { describe, expect, it } from 'vitest';
import { base64Of, bytesOfBase64 } from './base64';

describe('base64Of / bytesOfBase64', () => {
  it.each([
    ['', ''],
    ['M', 'TQ=='],
    ['Ma', 'TWE='],
    ['Man', 'TWFu'],
    ['hexcast', 'aGV4Y2FzdA=='],
  ])('encodes %j as %j (RFC 4648 examples) and back', (text, encoded) => {
    const bytes = new TextEncoder().encode(text);
    expect(base64Of(bytes)).toBe(encoded);
    expect(Array.from(bytesOfBase64(encoded))).toEqual(Array.from(bytes));
  });

  it('round-trips every byte value and refuses other characters', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(bytesOfBase64(base64Of(bytes)))).toEqual(Array.from(bytes));
    expect(() => bytesOfBase64('TW*u')).toThrow('character "*" at 2');
  });
});
