import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../test/fixtures/fake-worker';
import { panelRefusal } from '../../../test/fixtures/panel-refusal';
import type { ClaimCheckResult } from '../../lib/worker/protocol';
import { ClaimState } from './claim.svelte';

describe('ClaimState', () => {
  it("words why a variant was left out as the app's controls: the Binning step's fields and ?panelmb, not neutral settings", async () => {
    const worker = fakeWorker();
    const claim = new ClaimState(worker.client);
    const checking = claim.check();
    const answer = { check: { verdict: 'x' }, skipped: [{ label: 'hour periods', reason: panelRefusal() }] } as unknown as ClaimCheckResult;
    worker.reply({ type: 'done', id: worker.last().id, request: 'check-claim', result: answer });
    await checking;
    const reason = claim.result!.skipped[0].reason;
    expect(reason).toContain("coarser that fits: the Binning step's Time bucket set to day (401 day periods × 2 cells = 802 values (6.4 kB))");
    expect(reason).toContain("or the Binning step's H3 resolution set to 4 (≈ 9,601 hour periods × 1 cell");
    expect(reason).toMatch(/raise the limit by adding \?panelmb=N \(megabytes\) to the page's address where the memory is there$/);
    expect(reason).not.toMatch(/--|setting/);
    expect(claim.result!.check).toBe(answer.check);
  });
});
