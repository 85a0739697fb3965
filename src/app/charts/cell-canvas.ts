/**
 * Draws a hex map's cells on a `<canvas>`, for maps too large for one SVG element per cell
 * (50,000 cells are ~3.5 MB of path data and seconds of layout as SVG). Uses the geometry's own
 * projected outlines (`HexGeometry.paths`, the d3-geo path of each cell in the map's Mercator
 * projection) as `Path2D`s, so the canvas and the SVG draw the same shapes in the same colours.
 * Cells are batched into one path per fill colour (and at most `BATCH` cells per path) so a frame
 * is a few dozen `fill` calls, not 50,000. All work — parsing outlines, batching, filling — is
 * sliced by time across animation frames (`SLICE_MS` per frame), so no main-thread task comes
 * near 100 ms; a newer request (a new view, new fills) abandons the one in progress. While a new
 * view draws, the last finished drawing is shown moved and scaled to it. The browser records
 * canvas calls and rasterises them later (here: at the final copy, ~80 ms for 50,000 cells in
 * one task), so each slice of fills and edges is rasterised at once (`rasterise`), inside its
 * own slice's time.
 */

/** A d3-zoom view: map units are scaled by `k`, then shifted by (`x`, `y`). */
export interface CanvasView {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** What one drawing needs besides the cells. */
export interface CanvasScene {
  readonly view: CanvasView;
  /** Height of the band above the map (map units), where the legend sits: the cells start below it. */
  readonly band: number;
  /** Width and height of the map proper, map units. */
  readonly width: number;
  readonly height: number;
  /** Canvas pixels per map unit at zoom 1 (CSS width / map width × devicePixelRatio). */
  readonly scale: number;
  /** Background of the map area (null: transparent, e.g. over a basemap). */
  readonly background: string | null;
  /** Land outline under the cells (SVG path data), with its fill and edge. */
  readonly land: string | null;
  /** Opacity of the cells' fills (below 1 over a basemap). */
  readonly opacity: number;
  /** Width of the white edge between cells, in CSS px at any zoom (as SVG's non-scaling stroke). */
  readonly stroke: number;
  /** devicePixelRatio, to turn CSS px into canvas pixels. */
  readonly dpr: number;
}

/** Cells per batched path: keeps each `fill` call short even when every cell shares one colour. */
const BATCH = 1000;
/** Time spent per animation frame, ms. */
const SLICE_MS = 12;

/** A cell canvas: give it the outlines, the fills and the scene; it draws when all three are known. */
export class CellCanvas {
  private readonly canvas: HTMLCanvasElement;
  /** Where the drawing in progress goes; swapped with `finished` when done. */
  private buffer: HTMLCanvasElement;
  /** The last finished drawing (for `preview`). */
  private finished: HTMLCanvasElement;
  private paths: readonly string[] = [];
  private shapes: Path2D[] = [];
  private edges: Path2D[] = [];
  private batches: { colour: string; path: Path2D }[] = [];
  private fillsFor: readonly string[] | null = null;
  private fills: readonly string[] = [];
  private scene: CanvasScene | null = null;
  private shown: CanvasScene | null = null;
  private frame = 0;
  private generation = 0;
  /** Called with the number of cells in each finished drawing. */
  ondrawn: (cells: number) => void = () => {};

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    this.buffer = document.createElement('canvas');
    this.finished = document.createElement('canvas');
  }

  /** New outlines (a new panel): parsed again, slice by slice. */
  setPaths(paths: readonly string[]): void {
    if (paths === this.paths) return;
    this.paths = paths;
    this.shapes = [];
    this.edges = [];
    this.fillsFor = null;
    this.restart();
  }

  /** New colours, one per cell (in the order of the outlines). */
  setFills(fills: readonly string[]): void {
    if (fills === this.fills) return;
    this.fills = fills;
    this.fillsFor = null;
    this.restart();
  }

  /** A new view, size or background. */
  setScene(scene: CanvasScene): void {
    this.scene = scene;
    this.preview();
    this.restart();
  }

  /** Stops any drawing in progress. */
  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.generation++;
  }

  /** Shows the last finished drawing moved to the new view at once, until the new one is ready. */
  private preview(): void {
    const scene = this.scene;
    const old = this.shown;
    const context = this.canvas.getContext('2d');
    if (!scene || !old || !context || this.finished.width === 0) return;
    if (this.canvas.width !== this.finished.width || this.canvas.height !== this.finished.height) return;
    const r = scene.view.k / old.view.k;
    const s = scene.scale;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const top = s * scene.band;
    context.save();
    context.beginPath();
    context.rect(0, top, s * scene.width, s * scene.height);
    context.clip();
    context.setTransform(r, 0, 0, r, s * (scene.view.x - r * old.view.x), top + s * scene.view.y - r * (top + s * old.view.y));
    context.drawImage(this.finished, 0, 0);
    context.restore();
  }

  private restart(): void {
    cancelAnimationFrame(this.frame);
    const generation = ++this.generation;
    const steps = this.steps();
    const run = (): void => {
      if (generation !== this.generation) return;
      const until = performance.now() + SLICE_MS;
      while (performance.now() < until) {
        if (steps.next().done) return;
      }
      this.frame = requestAnimationFrame(run);
    };
    this.frame = requestAnimationFrame(run);
  }

  /** The work of one drawing, as small steps (each a few hundred cells at most). */
  private *steps(): Generator<void, void, void> {
    const scene = this.scene;
    const paths = this.paths;
    if (!scene || paths.length === 0 || typeof Path2D === 'undefined') return;
    // 1. Outlines → Path2D, once per panel.
    for (let start = this.shapes.length; start < paths.length; start += 500) {
      const end = Math.min(paths.length, start + 500);
      for (let i = start; i < end; i++) this.shapes.push(new Path2D(paths[i]));
      yield;
    }
    // Edges: every cell in batches of BATCH, stroked white over the fills.
    if (this.edges.length === 0) {
      for (let start = 0; start < paths.length; start += BATCH) {
        const edge = new Path2D();
        for (let i = start; i < Math.min(paths.length, start + BATCH); i++) edge.addPath(this.shapes[i]);
        this.edges.push(edge);
        yield;
      }
    }
    // 2. Batches by colour, once per set of fills.
    if (this.fillsFor !== this.fills) {
      const fills = this.fills;
      const open = new Map<string, { path: Path2D; size: number }>();
      const batches: { colour: string; path: Path2D }[] = [];
      for (let i = 0; i < paths.length; i++) {
        const colour = fills[i] ?? '#ddd';
        let batch = open.get(colour);
        if (!batch || batch.size === BATCH) {
          batch = { path: new Path2D(), size: 0 };
          open.set(colour, batch);
          batches.push({ colour, path: batch.path });
        }
        batch.path.addPath(this.shapes[i]);
        batch.size++;
        if (i % 1000 === 999) yield;
      }
      this.batches = batches;
      this.fillsFor = fills;
    }
    // 3. Draw into the buffer, then show it in one copy.
    const width = Math.max(1, Math.round(scene.scale * scene.width));
    const height = Math.max(1, Math.round(scene.scale * (scene.height + scene.band)));
    if (this.buffer.width !== width || this.buffer.height !== height) {
      this.buffer.width = width;
      this.buffer.height = height;
    }
    const context = this.buffer.getContext('2d');
    if (!context) return;
    const s = scene.scale;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    context.beginPath();
    context.rect(0, s * scene.band, s * scene.width, s * scene.height);
    context.clip();
    if (scene.background) {
      context.fillStyle = scene.background;
      context.fillRect(0, s * scene.band, s * scene.width, s * scene.height);
    }
    const k = s * scene.view.k;
    context.setTransform(k, 0, 0, k, s * scene.view.x, s * (scene.band + scene.view.y));
    if (scene.land) {
      const land = new Path2D(scene.land);
      context.fillStyle = '#f4f2ec';
      context.fill(land);
      context.strokeStyle = '#b9c6cf';
      context.lineWidth = (0.8 * scene.dpr) / k;
      context.stroke(land);
    }
    yield;
    context.globalAlpha = scene.opacity;
    for (const batch of this.batches) {
      context.fillStyle = batch.colour;
      context.fill(batch.path);
      rasterise(context);
      yield;
    }
    context.globalAlpha = 1;
    context.strokeStyle = '#ffffff';
    context.lineJoin = 'round';
    context.lineWidth = (scene.stroke * scene.dpr) / k;
    for (const edge of this.edges) {
      context.stroke(edge);
      rasterise(context);
      yield;
    }
    const visible = this.canvas.getContext('2d');
    if (!visible) return;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    visible.setTransform(1, 0, 0, 1, 0, 0);
    visible.clearRect(0, 0, width, height);
    visible.drawImage(this.buffer, 0, 0);
    [this.buffer, this.finished] = [this.finished, this.buffer];
    this.shown = scene;
    this.ondrawn(paths.length);
  }
}

/**
 * Makes the browser rasterise the canvas calls recorded so far, now: reading one pixel back needs
 * them drawn (without it, Chromium defers the whole drawing to the copy that shows it).
 */
function rasterise(context: CanvasRenderingContext2D): void {
  context.getImageData(0, 0, 1, 1);
}
