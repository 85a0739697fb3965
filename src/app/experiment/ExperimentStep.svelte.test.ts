import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import { answer, binned, openLoadBin } from '../../../test/fixtures/workbench-answers';
import { Workbench } from '../state/workbench.svelte';
import ExperimentStep from './ExperimentStep.svelte';

const A = 'a'.repeat(64);
const WEEK = 7 * 86_400_000;
// A panel with its periods, which the protocol form shows the folds of.
const panel = { ...binned, unit: 'week', periods: [0, WEEK, 2 * WEEK], end: 3 * WEEK };

describe('ExperimentStep', () => {
  it("offers a Cancel for a Run waiting for the files' SHA-256 there: the run is withdrawn and Run works again", async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', null, 1, panel);
    render(ExperimentStep, { bench });
    const run = (): HTMLButtonElement => screen.getByRole('button', { name: /^Run \d/ });
    await fireEvent.click(run());
    await settle();
    expect(screen.getByText("Waiting for the files' SHA-256: the run starts once it is known (its report and link name the files by it).")).toBeTruthy();
    expect(run().disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(screen.queryByText(/^Waiting for the files' SHA-256/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    answer(worker, 'fingerprint', { sha256: A, hashes: [A] });
    await settle();
    expect(worker.sent.some((r) => r.type === 'run')).toBe(false);
    expect(run().disabled).toBe(false);
  });
});
