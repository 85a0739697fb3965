import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import { answer, binned, file, loaded, result } from '../../../test/fixtures/workbench-answers';
import type { LoadResult, OpenResult } from '../../lib/worker/protocol';
import { Workbench } from '../state/workbench.svelte';
import DataStep from './DataStep.svelte';

const A = 'a'.repeat(64);
// The fixtures' answers, with what the Data step draws of them.
const opened = (): OpenResult => {
  const open = result('a.arrow', null, 1);
  const columns = [
    { name: 't', type: 'Timestamp<MILLISECOND>' },
    { name: 'lat', type: 'Float64' },
    { name: 'lng', type: 'Float64' },
  ];
  const suggestion = { ...open.suggestion, time: [], location: [], category: [], place: [], missing: [] };
  return { ...open, sources: [{ ...open.sources[0], bytes: 1, format: 'file', columns }], suggestion };
};
const load = {
  ...loaded,
  report: { ...loaded.report, examples: [], warnings: [] },
  summary: { rows: 3, clock: 'instant', timeZone: null, time: null, categories: [], uncategorised: 0, extent: null },
} as unknown as LoadResult;

/** Opens a.arrow, its digest pending, and answers its load and bin. */
async function openPendingBinned(worker: ReturnType<typeof fakeWorker>, bench: Workbench): Promise<void> {
  const opening = bench.openFiles([file('a.arrow')]);
  await settle();
  answer(worker, 'open', opened());
  await settle();
  answer(worker, 'load', load);
  await settle();
  answer(worker, 'bin', { ...binned, size: { res: 9, unit: 'week', cells: 1, periods: 1, bytes: 4 } });
  await opening;
}
const WAITING = "Waiting for the files' SHA-256: the run starts once it is known (its report and link name the files by it).";

describe('DataStep', () => {
  it("shows a claim check's run waiting for the files' SHA-256, with its Cancel: withdrawn, nothing runs and the claim checker is no longer asked for", async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openPendingBinned(worker, bench);
    render(DataStep, { bench });
    expect(screen.queryByText(WAITING)).toBeNull();
    const check = (): HTMLButtonElement => screen.getByRole('button', { name: 'Check a claim on this data →' });
    await fireEvent.click(check());
    await settle();
    expect(screen.getByText(WAITING)).toBeTruthy();
    expect(check().disabled).toBe(true);
    expect(bench.claim.requested).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(screen.queryByText(WAITING)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    expect(bench.claim.requested).toBe(false);
    answer(worker, 'fingerprint', { sha256: A, hashes: [A] });
    await settle();
    expect(worker.sent.some((r) => r.type === 'run')).toBe(false);
    expect(bench.step).toBe('data');
    expect(check().disabled).toBe(false);
  });
});
