import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../test/fixtures/fake-worker';
import { panelRefusal } from '../../../test/fixtures/panel-refusal';
import type { ClaimCheckResult } from '../../lib/worker/protocol';
import { ClaimState } from './claim.svelte';

describe('ClaimState', () => {
  it("words why a variant was left out as the app's controls (?panelmb, not a neutral setting), with no Binning step grid: changing it cannot make a variant run", async () => {
    const worker = fakeWorker();
    const claim = new ClaimState(worker.client);
    const checking = claim.check();
    // A variant's refusal as the worker makes it (runBinningVariants bins with coarserAdvice 'none').
    const answer = { check: { verdict: 'x' }, skipped: [{ label: 'hour periods', reason: panelRefusal('none') }] } as unknown as ClaimCheckResult;
    worker.reply({ type: 'done', id: worker.last().id, request: 'check-claim', result: answer });
    await checking;
    const reason = claim.result!.skipped[0].reason;
    expect(reason).toMatch(/^a panel of 9,601 hour periods × 2 cells = 19,202 values \(150 kB\) is too large: the limit is 10,000 values \(40 kB\), /);
    expect(reason).not.toMatch(/coarser|Binning step/);
    expect(reason).toMatch(
      /; keep fewer incidents \(a category filter, a shorter date range\), or raise the limit by adding \?panelmb=N \(megabytes\) to the page's address where the memory is there$/,
    );
    expect(reason).not.toMatch(/--|setting/);
    expect(claim.result!.check).toBe(answer.check);
  });
});
