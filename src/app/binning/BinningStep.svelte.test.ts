import { render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import { panelRefusal } from '../../../test/fixtures/panel-refusal';
import type { HexGeometry } from '../../lib/plots/hex-geometry';
import type { BinSettings } from '../../lib/pipeline/bin';
import type { BinResult, OpenResult } from '../../lib/worker/protocol';
import { Workbench } from '../state/workbench.svelte';
import BinningStep from './BinningStep.svelte';
import { stubResizeObserver } from '../../../test/fixtures/resize-observer';

// The map measures its drawn width with a ResizeObserver, which jsdom lacks.
stubResizeObserver();

const geometry: HexGeometry = {
  width: 100,
  height: 80,
  paths: ['M0,0L10,0L5,8Z'],
  centres: new Float32Array(2),
  metresPerPixel: 20,
  outline: null,
  projection: { scale: 1000, translate: [50, 40] },
};
/** A one-cell, two-week panel of 3 incidents. */
const binned = {
  kind: 'incidents',
  res: 8,
  unit: 'week',
  timeZone: null,
  clock: 'utc',
  zoneDeclared: false,
  cells: ['88283082a3fffff'],
  cellNames: null,
  cellTotals: new Float64Array([3]),
  periods: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 8)],
  periodTotals: new Float64Array([1, 2]),
  report: { binned: 3, notes: [] },
  filtered: 0,
  boundary: null,
  areas: null,
  geometry,
  geometryKey: 'k',
  size: { res: 8, unit: 'week', periods: 2, cells: 1, bytes: 8 },
  ms: 5,
} as unknown as BinResult;
const all = { res: 8, unit: 'week' as const, timeZone: null, categories: null };

/** A workbench with a file (3 rows, 2,000 bytes) open, rendered on its Binning step. */
function step(): { bench: Workbench; worker: ReturnType<typeof fakeWorker> } {
  const worker = fakeWorker();
  const bench = new Workbench(worker.client);
  bench.data.opened = { sources: [{ name: 'a.arrow', sha256: 'a'.repeat(64), rows: 3, bytes: 2000 }] } as unknown as OpenResult;
  render(BinningStep, { bench });
  return { bench, worker };
}

describe('BinningStep', () => {
  it('a plain bin after a failed one shows "Binning…", not a Cancel that would close the file', async () => {
    const { bench, worker } = step();
    const first = bench.setBinning({ ...all, res: 15 });
    worker.reply({ type: 'error', id: worker.last().id, error: { name: 'HexcastError', code: 'panel-too-large', message: 'Too many cells' } });
    await first;
    void bench.setBinning(all);
    await tick();
    expect(bench.task?.stage).toBe('bin'); // the Data step's task; not this step's Cancel
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.getByText('Binning…')).toBeTruthy();
  });

  it('while a filter decode is in flight: its progress and Cancel, and "Next: experiment" waits, saying why', async () => {
    const { bench, worker } = step();
    const first = bench.setBinning(all);
    worker.reply({ type: 'done', id: worker.last().id, request: 'bin', result: binned });
    await first;
    await new Promise((resolve) => setTimeout(resolve, 10)); // the step draws its map a task later
    await tick();
    const next = screen.getByRole<HTMLButtonElement>('button', { name: 'Next: experiment →' });
    expect(next.disabled).toBe(false);

    const rebinning = bench.setBinning({ ...all, categories: ['BURGLARY'] });
    const id = worker.last().id;
    worker.reply({ type: 'progress', id, progress: { stage: 'load', message: 'Decoding 3 rows again for BURGLARY' } });
    await tick();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(screen.getByText('Decoding 3 rows again for BURGLARY…')).toBeTruthy();
    expect(next.disabled).toBe(true);
    expect(screen.getByText(/^Waiting for the category filter’s decode/)).toBeTruthy();

    worker.reply({ type: 'done', id, request: 'bin', result: { ...binned, geometry: null } });
    await rebinning;
    await settle();
    await tick();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next: experiment →' }).disabled).toBe(false);
    expect(screen.queryByText(/^Waiting for/)).toBeNull();
  });
});

describe("BinningStep: the app's words for the panel limit", () => {
  it("a refusal whose grid choices cannot be fetched names the Binning step's Time bucket (not a resolution it does not offer) and ?panelmb, with the sizes", async () => {
    const { bench, worker } = step();
    const binning = bench.setBinning({ ...all, res: 8, unit: 'hour' });
    // The worker's refusal of the settings as sent: resolution 4 fits too, but the H3 resolution select offers 5–10.
    const sent = (worker.last() as unknown as { settings: BinSettings }).settings;
    worker.reply({ type: 'error', id: worker.last().id, error: { name: 'InputError', code: 'panel-too-large', message: panelRefusal(sent.coarserAdvice) } });
    await binning;
    expect(worker.last()).toMatchObject({ type: 'panel-choices' });
    worker.reply({ type: 'error', id: worker.last().id, error: { name: 'Error', code: 'internal', message: 'worker lost' } });
    await settle();
    await tick();
    const shown = screen.getByRole('alert').textContent!;
    expect(shown).toContain("coarser that fits: the Binning step's Time bucket set to day (401 day periods × 2 cells = 802 values (6.4 kB)); or keep fewer");
    expect(shown).not.toContain('H3 resolution set to');
    expect(shown).toMatch(/, or raise the limit by adding \?panelmb=N \(megabytes\) to the page's address where the memory is there$/);
    expect(shown).not.toMatch(/--|setting/);
  });

  it("the budget line says why the app's limit is 1,000 MB and how to raise it in the app, not the CLI's flag", async () => {
    const { bench, worker } = step();
    const binning = bench.setBinning(all);
    worker.reply({ type: 'done', id: worker.last().id, request: 'bin', result: binned });
    await binning;
    await tick();
    const line = screen.getByText(/^Panel: /).textContent!.replace(/\s+/g, ' ');
    expect(line).toBe(
      "Panel: 1 cells × 2 weeks × 4 B = 8 B of the 1,000 MB budget (a tab's memory is a few GB, and a run holds the panel several times over; " +
        "raise it by adding ?panelmb=N (megabytes) to the page's address); its size is checked before it is allocated.",
    );
    expect(line).not.toContain('CLI');
  });
});
