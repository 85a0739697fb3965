import { describe, expect, it, vi } from 'vitest';

describe('fastestSha256 where WebAssembly cannot compile', () => {
  it("falls back to the pure createSha256 (a CSP without 'wasm-unsafe-eval' rejects the module)", async () => {
    vi.resetModules();
    vi.doMock('hash-wasm', () => ({ createSHA256: () => Promise.reject(new Error('WebAssembly.compile(): refused by the Content Security Policy')) }));
    const { fastestSha256 } = await import('./wasm-sha256');
    const { createSha256 } = await import('./sha256-stream');
    const make = await fastestSha256();
    expect(make).toBe(createSha256);
    const hash = make();
    hash.update(new TextEncoder().encode('abc'));
    expect(hash.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    vi.doUnmock('hash-wasm');
  });
});
