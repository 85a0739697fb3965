import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { backendName, backendOrder, backendThreads, ensureBackend, isSoftwareRenderer } from './backend';

describe('backendOrder(prefer, software)', () => {
  it.each([
    ['auto', [], ['webgpu', 'webgl', 'wasm', 'cpu']],
    ['auto', ['webgpu', 'webgl'], ['wasm', 'cpu']],
    ['auto', ['webgl'], ['webgpu', 'wasm', 'cpu']],
    ['cpu', [], ['cpu', 'webgpu', 'webgl', 'wasm']],
    ['webgl', ['webgl'], ['webgl', 'webgpu', 'wasm', 'cpu']],
  ] as const)('prefer %s with software renderers %o → %o', (prefer, software, expected) => {
    expect(backendOrder(prefer, new Set(software))).toEqual(expected);
  });
});

describe('isSoftwareRenderer(description)', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Apple M2', false],
  ])('%s → %s', (description, expected) => {
    expect(isSoftwareRenderer(description)).toBe(expected);
  });
});

describe('ensureBackend()', () => {
  it('starts WASM in Node, single-threaded, from the package’s own dist folder', async () => {
    const choice = await ensureBackend();
    expect(choice.backend).toBe('wasm');
    expect(backendName()).toBe('wasm');
    expect(choice.notes[0]).toMatch(/^wasm: ok in \d+ ms$/);
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    expect(await ensureBackend()).toBe(choice);
    expect(backendThreads()).toBe(1);
  });
});
