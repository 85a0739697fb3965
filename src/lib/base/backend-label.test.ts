import { describe, expect, it } from 'vitest';
import { backendLabel } from './backend-label';

describe('backendLabel(backend, threads)', () => {
  it.each([
    ['wasm', 1, 'wasm, 1 thread'],
    ['wasm', 4, 'wasm, 4 threads'],
    ['cpu', 1, 'cpu, 1 thread'],
    ['webgl', null, 'webgl, GPU'],
  ] as const)('%s with %s → %s', (backend, threads, expected) => {
    expect(backendLabel(backend, threads)).toBe(expected);
  });
});
