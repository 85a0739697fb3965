import { fireEvent, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HexGeometry } from '../../lib/plots/hex-geometry';
import HexMap from './HexMap.svelte';
import { stubResizeObserver } from '../../../test/fixtures/resize-observer';

// The map measures its drawn width with a ResizeObserver, which jsdom lacks.
stubResizeObserver();

const geometry: HexGeometry = {
  width: 100,
  height: 80,
  paths: ['M0,0L10,0L5,8Z', 'M20,0L30,0L25,8Z', 'M40,0L50,0L45,8Z'],
  centres: new Float32Array(6),
  metresPerPixel: 20,
  outline: null,
  projection: { scale: 1000, translate: [50, 40] },
};

describe('HexMap', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws one path per cell, recolours them in place, and reports a clicked cell', async () => {
    const onselect = vi.fn();
    const props = $state({ geometry, fills: ['#111111', '#222222', '#333333'], label: 'map', describe: (i: number) => `cell ${i}`, onselect });
    const { container } = render(HexMap, { props });
    const paths = () => Array.from(container.querySelectorAll('path[data-i]'));
    expect(paths().map((p) => [p.getAttribute('d'), p.getAttribute('fill')])).toEqual([
      ['M0,0L10,0L5,8Z', '#111111'],
      ['M20,0L30,0L25,8Z', '#222222'],
      ['M40,0L50,0L45,8Z', '#333333'],
    ]);
    const before = paths();
    props.fills = ['#aaaaaa', '#bbbbbb', '#cccccc'];
    flushSync();
    expect(paths()).toEqual(before); // the same elements, recoloured
    expect(paths().map((p) => p.getAttribute('fill'))).toEqual(['#aaaaaa', '#bbbbbb', '#cccccc']);
    await fireEvent.click(paths()[1]);
    expect(onselect).toHaveBeenCalledWith(1);
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toBe('map');
    // Scale bar: at most 18 % of 100 px = 18 px × 20 m/px = 360 m, so the longest round length is 200 m.
    expect(container.querySelector('svg text')?.textContent).toBe('200 m');
  });

  it('outlines sets of cells on top, each one path in its colour and dash, and none by default', () => {
    const props = $state({
      geometry,
      fills: ['#111111', '#222222', '#333333'],
      label: 'map',
      describe: (i: number) => `cell ${i}`,
      context: null,
      outlines: [
        { cells: [0, 2], colour: '#000000', width: 3 },
        { cells: Int32Array.of(1), colour: '#d55e00', dash: '4 3' },
      ],
    });
    const { container } = render(HexMap, { props });
    const outlines = () =>
      Array.from(container.querySelectorAll('path.outline'), (p) => [
        p.getAttribute('d'),
        p.getAttribute('stroke'),
        p.getAttribute('stroke-width'),
        p.getAttribute('stroke-dasharray'),
      ]);
    expect(outlines()).toEqual([
      ['M0,0L10,0L5,8ZM40,0L50,0L45,8Z', '#000000', '3', null],
      ['M20,0L30,0L25,8Z', '#d55e00', '2', '4 3'],
    ]);
    props.outlines = [];
    flushSync();
    expect(outlines()).toEqual([]);
  });

  it('draws given land under the cells and labels places, most populous first, with the sources credited', () => {
    const context = {
      land: 'M-50,-40L150,-40L150,120L-50,120Z',
      places: [
        { name: 'Midtown', x: 40, y: 30, population: 90_000 },
        { name: 'Nearby', x: 42, y: 31, population: 5_000 }, // overlaps Midtown's label: hidden at this zoom
        { name: 'Harbour', x: 10, y: 70, population: 20_000 },
      ],
    };
    const { container } = render(HexMap, { props: { geometry, fills: ['#111', '#222', '#333'], label: 'map', describe: () => '', context } });
    const land = container.querySelector('path.land');
    expect(land?.getAttribute('d')).toBe(context.land);
    // Land is drawn before (under) the cells.
    expect(land!.compareDocumentPosition(container.querySelector('path[data-i]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.places text'), (t) => t.textContent)).toEqual(['Midtown', 'Harbour']);
    expect(container.querySelector('.credit')?.textContent).toBe('Land © Natural Earth (public domain) · Places © GeoNames (CC BY 4.0)');
  });

  it('zooms in and out with its buttons: the cells scale, the scale bar shortens, and the view resets', async () => {
    const { container, getByLabelText } = render(HexMap, {
      props: { geometry, fills: ['#111', '#222', '#333'], label: 'map', describe: () => '', context: null },
    });
    const zoomed = () => container.querySelector('.cells')?.parentElement?.getAttribute('transform');
    expect(zoomed()).toBe('translate(0 0) scale(1)');
    await fireEvent.click(getByLabelText('Zoom in'));
    // ×2 about the centre (50, 40) of the 100 × 80 drawing: translate (−50, −40).
    expect(zoomed()).toBe('translate(-50 -40) scale(2)');
    // 10 m/px at ×2: 18 px × 10 m = 180 m → 100 m.
    expect(container.querySelector('svg text')?.textContent).toBe('100 m');
    await fireEvent.click(getByLabelText('Show the whole map'));
    expect(zoomed()).toBe('translate(0 0) scale(1)');
    expect(container.querySelector('.credit')).toBeNull(); // no context, no credit
  });

  it('adds a large map a chunk per animation frame, colouring late chunks with the newest fills', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const n = 9_000;
    const big: HexGeometry = { ...geometry, paths: Array.from({ length: n }, (_, i) => `M${i},0L${i + 1},0Z`) };
    const props = $state({ geometry: big, fills: Array<string>(n).fill('#111111'), label: 'big', describe: (i: number) => `cell ${i}` });
    const { container } = render(HexMap, { props });
    const paths = () => container.querySelectorAll('path[data-i]');
    expect(paths()).toHaveLength(4_000);
    props.fills = Array<string>(n).fill('#222222');
    flushSync();
    expect(paths()).toHaveLength(4_000);
    while (frames.length) frames.shift()!(0);
    expect(paths()).toHaveLength(n);
    expect(new Set(Array.from(paths(), (p) => p.getAttribute('fill')))).toEqual(new Set(['#222222']));
    expect(paths()[n - 1].getAttribute('data-i')).toBe(String(n - 1));
  });
});
