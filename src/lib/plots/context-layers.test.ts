import { describe, expect, it } from 'vitest';
import { contextBounds, contextLayers, reachOf, visibleLabels, webMercatorCamera, type MapFrame } from './context-layers';

// A frame whose projection maps longitude λ (radians) to x = 100 λ + 100, i.e. 1° ≈ 1.745 px.
const frame: MapFrame = { width: 200, height: 100, projection: { scale: 100, translate: [100, 50] } };
const round = (v: number): number => Math.round(v * 10) / 10;

describe('context layers', () => {
  it('reachOf(frame) adds half the width and height on each side; contextBounds inverts its corners', () => {
    expect(reachOf(frame)).toEqual([
      [-100, -50],
      [300, 150],
    ]);
    // x = -100 → λ = -2 rad = -114.6°; y = -50 → Mercator y = 1 → φ = 2·atan(e) − π/2 = 49.6°.
    const [[w, s], [e, n]] = contextBounds(frame);
    expect([w, s, e, n].map(round)).toEqual([-114.6, -49.6, 114.6, 49.6]);
  });

  it('contextLayers(frame, land, places) projects places into the drawing and drops those beyond reach', () => {
    const layers = contextLayers(frame, { type: 'MultiPolygon', coordinates: [] }, [
      { name: 'Origin', lon: 0, lat: 0, population: 10, featureCode: 'PPL' },
      { name: 'East', lon: 57.29577951, lat: 0, population: 5, featureCode: 'PPL' },
      { name: 'Beyond', lon: 170, lat: 0, population: 1, featureCode: 'PPL' },
    ]);
    // lon 0 → x 100; lon 1 rad (57.3°) → x 200; lon 170° = 2.97 rad → x 397 > 300: dropped.
    expect(layers.places.map((p) => [p.name, p.x, p.y])).toEqual([
      ['Origin', 100, 50],
      ['East', 200, 50],
    ]);
    expect(layers.land).toBe('');
  });

  it('contextLayers(frame, land) clips a continent to the reach of panning', () => {
    // A clockwise square from -170° to 170°, ±60°: far larger than the reach (±114.6° by ±49.6°... in px ±100/±50 beyond).
    const square: [number, number][] = [
      [-170, -60],
      [-170, 60],
      [170, 60],
      [170, -60],
      [-170, -60],
    ];
    const layers = contextLayers(frame, { type: 'MultiPolygon', coordinates: [[square]] }, []);
    const numbers = layers.land.match(/-?\d+(\.\d+)?/g)!.map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs)).toBe(-100);
    expect(Math.max(...xs)).toBe(300);
  });

  it('visibleLabels keeps the most populous label of two that overlap, and more appear when zoomed in', () => {
    const places = [
      { name: 'Big', x: 50, y: 50, population: 100 },
      { name: 'Near', x: 52, y: 54, population: 10 },
      { name: 'Edge', x: 198, y: 50, population: 5 },
    ];
    expect(visibleLabels(places, { k: 1, x: 0, y: 0 }, 200, 100).map((l) => l.place.name)).toEqual(['Big']);
    // Zoom ×4 about (50, 50): Near moves to (58, 66), its box (59.5–72.5 tall) clear of Big's (43.5–56.5); Edge leaves the view.
    const zoomed = visibleLabels(places, { k: 4, x: -150, y: -150 }, 200, 100);
    expect(zoomed.map((l) => [l.place.name, l.x, l.y])).toEqual([
      ['Big', 50, 50],
      ['Near', 58, 66],
    ]);
  });

  it('webMercatorCamera gives zoom 0 for a 512-px world and follows a d3-zoom transform', () => {
    const world: MapFrame = { width: 512, height: 512, projection: { scale: 512 / (2 * Math.PI), translate: [256, 256] } };
    const camera = webMercatorCamera(world, { k: 1, x: 0, y: 0 }, 1);
    expect([round(camera.center[0]), round(camera.center[1]), round(camera.zoom)]).toEqual([0, 0, 0]);
    // ×2 about the top-left corner: the view's centre (256, 256) is drawing point (128, 128) → lon −90°, zoom 1; shown at half size → zoom 0.
    const zoomed = webMercatorCamera(world, { k: 2, x: 0, y: 0 }, 0.5);
    expect([round(zoomed.center[0]), round(zoomed.zoom)]).toEqual([-90, 0]);
    expect(zoomed.center[1]).toBeGreaterThan(66);
  });
});
