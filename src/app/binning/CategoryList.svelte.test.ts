import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { CategorySelection } from '../../lib/pipeline/category-selection';
import CategoryList from './CategoryList.svelte';

/** 100,000 categories, by count: 'type 00000' has 100,000 incidents, 'type 99999' has 1. */
const MANY = Array.from({ length: 100_000 }, (_, i) => ({ name: `type ${String(i).padStart(5, '0')}`, count: 100_000 - i }));

function setup(selection: CategorySelection = null) {
  const onchange = vi.fn<(selection: CategorySelection) => void>();
  const view = render(CategoryList, { categories: MANY, selection, onchange });
  const boxes = () => view.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
  return { ...view, onchange, boxes };
}

describe('CategoryList', () => {
  it('renders only the rows in view of 100,000, in the given order, with their counts', () => {
    const { boxes, container } = setup();
    // 240 px viewport of 24 px rows: 10 rows + 6 overscanned below.
    expect(boxes()).toHaveLength(16);
    expect(container.querySelector('label')?.textContent).toMatch(/type 00000\s*100,000/);
    expect(screen.getByText('Categories (all 100,000, by incidents)')).toBeTruthy();
  });

  it('scrolling far down renders that window of rows, still a bounded number', async () => {
    const { boxes, container } = setup();
    const viewport = container.querySelector<HTMLDivElement>('.viewport')!;
    viewport.scrollTop = 50_000 * 24;
    await fireEvent.scroll(viewport);
    const names = Array.from(container.querySelectorAll('label span'), (s) => s.textContent);
    expect(names[0]).toBe('type 49994'); // 6 rows of overscan above row 50,000
    expect(boxes().length).toBeLessThan(30);
  });

  it('unticking one category sends { except: [that name] }', async () => {
    const { boxes, onchange } = setup();
    await fireEvent.click(boxes()[2]);
    expect(onchange).toHaveBeenCalledWith({ except: ['type 00002'] });
  });

  it('shows a selection: left-out names unticked, and the legend counts the kept', () => {
    const { boxes } = setup({ except: ['type 00001'] });
    expect(Array.from(boxes(), (b) => b.checked).slice(0, 3)).toEqual([true, false, true]);
    expect(screen.getByText('Categories (99,999 of 100,000, by incidents)')).toBeTruthy();
  });

  it('the filter narrows the list; "Only the N matching" keeps exactly those, "Untick matching" leaves them out', async () => {
    const { boxes, onchange } = setup();
    await fireEvent.input(screen.getByLabelText('Filter categories'), { target: { value: '4242' } });
    // 'type 04242', 'type 14242' … 'type 94242' and 'type 42420'–'type 42429': 10 + 10.
    expect(screen.getByText('20 of 100,000 match.')).toBeTruthy();
    expect(boxes()).toHaveLength(16); // still a window: the viewport's 10 rows and 6 below
    await fireEvent.click(screen.getByRole('button', { name: 'Only the 20 matching' }));
    const only = onchange.mock.lastCall![0] as string[];
    expect(only).toHaveLength(20);
    expect(only.slice(0, 2)).toEqual(['type 04242', 'type 14242']);
    await fireEvent.click(screen.getByRole('button', { name: 'Untick matching' }));
    expect(onchange.mock.lastCall![0]).toEqual({ except: only });
  });

  it('"Select none" sends an empty list and "Select all" null', async () => {
    const { onchange } = setup({ except: ['type 00001'] });
    await fireEvent.click(screen.getByRole('button', { name: 'Select none' }));
    expect(onchange).toHaveBeenLastCalledWith([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Select all' }));
    expect(onchange).toHaveBeenLastCalledWith(null);
  });
});
