import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SeedControl from './SeedControl.svelte';

describe('SeedControl', () => {
  it('gives the next seed, wrapping 9999 to 1', async () => {
    const onseed = vi.fn<(seed: number) => void>();
    const { rerender } = render(SeedControl, { id: 's', seed: 41, next: 'Next seed', onseed });
    await fireEvent.click(screen.getByRole('button', { name: 'Next seed' }));
    await rerender({ seed: 9999 });
    await fireEvent.click(screen.getByRole('button', { name: 'Next seed' }));
    expect(onseed.mock.calls).toEqual([[42], [1]]);
  });

  it('rounds and clamps a typed seed when it is committed; an unreadable one is 1', async () => {
    const onseed = vi.fn<(seed: number) => void>();
    render(SeedControl, { id: 's', seed: 7, next: 'Another week', onseed });
    const field = screen.getByLabelText('Seed') as HTMLInputElement;
    expect(field.value).toBe('7');
    for (const typed of ['12.6', '123456', '-3', '']) await fireEvent.change(field, { target: { value: typed } });
    expect(onseed.mock.calls).toEqual([[13], [9999], [1], [1]]);
  });
});
