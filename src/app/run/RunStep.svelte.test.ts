import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import { answer, openLoadBin } from '../../../test/fixtures/workbench-answers';
import { Workbench } from '../state/workbench.svelte';
import RunStep from './RunStep.svelte';

const A = 'a'.repeat(64);
const WAITING = "Waiting for the files' SHA-256: the run starts once it is known (its report and link name the files by it).";

describe('RunStep', () => {
  it("says a Run waits for the files' SHA-256 while it does, and no more once it starts", async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', null, 1);
    render(RunStep, { bench });
    expect(screen.queryByRole('status')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: /^Run \(/ }));
    await settle();
    expect(screen.getByRole('status').textContent).toBe(WAITING);
    answer(worker, 'fingerprint', { sha256: A, hashes: [A] });
    await settle();
    expect(screen.queryByRole('status')).toBeNull();
    expect(worker.sent.filter((r) => r.type === 'run')).toHaveLength(1);
  });

  it('withdraws the waiting Run with its Cancel: nothing runs when the SHA-256 comes, the files stay open and Run works again', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', null, 1);
    render(RunStep, { bench });
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: /^Run \(/ }));
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    expect((screen.getByRole('button', { name: /^Run \(/ }) as HTMLButtonElement).disabled).toBe(false);
    answer(worker, 'fingerprint', { sha256: A, hashes: [A] });
    await settle();
    expect(worker.sent.some((r) => r.type === 'run')).toBe(false);
    expect(bench.data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
    expect(bench.binning.result).not.toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: /^Run \(/ }));
    await settle();
    expect(worker.sent.filter((r) => r.type === 'run')).toHaveLength(1);
  });
});
