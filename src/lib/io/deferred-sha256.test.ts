import { describe, expect, it } from 'vitest';
import { deferredSha256 } from './deferred-sha256';
import { createSha256 } from './sha256-stream';
import { sha256Hex } from './sha256-hex';
import { wasmSha256 } from './wasm-sha256';

const bytesOf = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 0xff);

describe('deferredSha256', () => {
  it('gives each stream the digest of its bytes in order, however the hashing is sliced (pure and WebAssembly hashes)', async () => {
    const a = [bytesOf(1000, 1), bytesOf(70, 2), bytesOf(4097, 3)];
    const b = [bytesOf(333, 4)];
    for (const make of [createSha256, await wasmSha256()])
      for (const slice of [1, 64, 1000, 1 << 20]) {
        const deferred = deferredSha256(make);
        const first = deferred.factory();
        const second = deferred.factory();
        for (const piece of a) first.update(piece);
        for (const piece of b) second.update(piece);
        const tokens = [first.hex(), second.hex()];
        expect(tokens).toEqual(['pending:0', 'pending:1']);
        expect(() => deferred.resolve(tokens[0])).toThrow('not known yet');
        let steps = 0;
        while (!deferred.step(slice)) steps++;
        expect(steps).toBeGreaterThanOrEqual(slice === 1 << 20 ? 0 : 5);
        expect(deferred.resolve(tokens[0])).toBe(await sha256Hex(a));
        expect(deferred.resolve(tokens[1])).toBe(await sha256Hex(b));
      }
  });

  it('hashes nothing before a stream is closed, finish() does the rest at once, and an empty stream is the empty message', async () => {
    const deferred = deferredSha256(createSha256);
    const open = deferred.factory();
    open.update(bytesOf(10, 1));
    expect(deferred.step(1 << 20)).toBe(false);
    expect(deferred.done).toBe(false);
    const token = open.hex();
    const empty = deferred.factory().hex();
    const digests = deferred.finish();
    expect(deferred.done).toBe(true);
    expect(digests.get(token)).toBe(await sha256Hex(bytesOf(10, 1)));
    expect(deferred.resolve(empty)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(deferred.resolve('ab'.repeat(32))).toBe('ab'.repeat(32));
    expect(() => open.update(bytesOf(1, 1))).toThrow('update after hex()');
  });

  it('lets each piece go once it is hashed whole, not when the stream is done', async () => {
    const deferred = deferredSha256(createSha256);
    const stream = deferred.factory();
    const pieces = [bytesOf(100, 1), bytesOf(200, 2), bytesOf(300, 3)];
    for (const piece of pieces) stream.update(piece);
    const token = stream.hex();
    expect(deferred.held).toBe(600);
    deferred.step(150); // the first piece whole, half the second
    expect(deferred.held).toBe(500);
    deferred.step(150); // the second piece's end
    expect(deferred.held).toBe(300);
    deferred.finish();
    expect(deferred.held).toBe(0);
    expect(deferred.resolve(token)).toBe(await sha256Hex(pieces));
  });

  it('hashAsRead hashes what is kept now (from where step stopped), then every byte as it comes: nothing more is held, digests unchanged', async () => {
    for (const make of [createSha256, await wasmSha256()]) {
      const deferred = deferredSha256(make);
      const done = deferred.factory();
      const reading = deferred.factory();
      const before = [bytesOf(100, 1), bytesOf(200, 2)];
      const after = [bytesOf(300, 3), bytesOf(50, 4)];
      for (const piece of before) done.update(piece);
      const first = done.hex();
      reading.update(bytesOf(70, 5));
      deferred.step(150); // the first stream's first piece whole, half its second
      expect(deferred.held).toBe(200 + 70); // a piece is let go once hashed whole
      deferred.hashAsRead();
      expect(deferred.held).toBe(0);
      expect(deferred.resolve(first)).toBe(await sha256Hex(before));
      for (const piece of after) reading.update(piece);
      expect(deferred.held).toBe(0); // hashed as given, not kept
      const second = reading.hex();
      expect(deferred.resolve(second)).toBe(await sha256Hex([bytesOf(70, 5), ...after])); // known at hex()
      const late = deferred.factory(); // a stream made afterwards is hashed as read too
      late.update(bytesOf(10, 6));
      expect(deferred.held).toBe(0);
      const third = late.hex();
      expect(deferred.finish().get(third)).toBe(await sha256Hex([bytesOf(10, 6)]));
      expect(deferred.done).toBe(true);
    }
  });
});
