import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../test/fixtures/fake-worker';
import { RUN_WAITS_FOR_DIGEST, Workbench } from '../state/workbench.svelte';
import RunStep from './RunStep.svelte';

describe('RunStep', () => {
  it("says a Run waits for the files' SHA-256 while it does, and no more once it starts", () => {
    const bench = new Workbench(fakeWorker().client);
    render(RunStep, { bench });
    expect(screen.queryByRole('status')).toBeNull();
    bench.runWait = RUN_WAITS_FOR_DIGEST;
    flushSync();
    expect(screen.getByRole('status').textContent).toBe(
      "Waiting for the files' SHA-256: the run starts once it is known (its report and link name the files by it).",
    );
    bench.runWait = null;
    flushSync();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
