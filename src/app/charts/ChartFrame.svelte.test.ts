import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import ChartFrame from './ChartFrame.svelte';

const downloads = vi.hoisted(() => vi.fn<(name: string, blob: Blob) => void>());
vi.mock('../download', async (original) => ({
  ...(await original<typeof import('../download')>()),
  downloadBlob: downloads,
  pngBlob: () => Promise.reject(new Error('PNG encoding failed')),
}));

const chart = createRawSnippet(() => ({ render: () => '<svg viewBox="0 0 10 10"><rect width="4" height="4"></rect></svg>' }));

describe('ChartFrame', () => {
  it('a PNG that fails to encode downloads nothing and says so under the title', async () => {
    render(ChartFrame, { title: 'PAI per fold', children: chart });
    await fireEvent.click(screen.getByRole('button', { name: 'Save “PAI per fold” as PNG' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The chart “PAI per fold” (PNG) could not be exported: PNG encoding failed. Nothing was downloaded.',
    );
    expect(downloads).not.toHaveBeenCalled();
  });

  it('an SVG is drawn whole, then downloaded', async () => {
    render(ChartFrame, { title: 'PAI per fold', children: chart });
    await fireEvent.click(screen.getByRole('button', { name: 'Save “PAI per fold” as SVG' }));
    await vi.waitFor(() => expect(downloads).toHaveBeenCalledTimes(1));
    const [name, blob] = downloads.mock.calls[0];
    expect(name).toBe('pai-per-fold.svg');
    expect(await blob.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg .*<rect width="4" height="4"\/><\/svg>$/);
  });
});
