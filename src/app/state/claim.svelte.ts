import { CLAIM_EXAMPLES } from '../../lib/claims';
import { isAbort, type WorkerClient } from '../../lib/worker/client';
import type { ClaimCheckResult } from '../../lib/worker/protocol';
import { appErrorMessage } from '../data/load-warnings';

/**
 * The claim checker's state: the claim text (typed, or one of the shipped examples), whether to
 * re-run at other period lengths and cell sizes, and the worker's answer for the last run.
 */
export class ClaimState {
  text = $state(CLAIM_EXAMPLES[0].text);
  /** The example the text came from (cleared when the text is edited). */
  exampleId = $state<string | null>(CLAIM_EXAMPLES[0].id);
  vary = $state(true);
  busy = $state(false);
  result = $state.raw<ClaimCheckResult | null>(null);
  error = $state<string | null>(null);
  /** Set when the checker was asked for from the start screen: the Results step opens on it. */
  requested = $state(false);

  constructor(private readonly client: WorkerClient) {}

  /** Picks a shipped example (its text becomes the claim). */
  pick(id: string): void {
    const example = CLAIM_EXAMPLES.find((e) => e.id === id);
    if (!example) return;
    this.exampleId = id;
    this.text = example.text;
  }

  /** Edits the text by hand (it no longer is the example). */
  edit(text: string): void {
    this.text = text;
    if (CLAIM_EXAMPLES.find((e) => e.id === this.exampleId)?.text !== text) this.exampleId = null;
  }

  /**
   * Asks the worker to check the claim on the last run; an unreadable claim's error lists the
   * forms. Why a variant was left out (a panel over the budget names the grids that fit and the
   * limit) and an error are worded as the app's controls.
   */
  async check(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const answer = await this.client.request('check-claim', { claim: this.text, vary: this.vary ? ['period', 'cells'] : [] });
      this.result = { ...answer, skipped: answer.skipped.map((s) => ({ ...s, reason: appErrorMessage(s.reason) })) };
    } catch (error) {
      if (!isAbort(error)) {
        this.error = appErrorMessage(error);
        this.result = null;
      }
    } finally {
      this.busy = false;
    }
  }

  /** Forgets the answer (a new run makes it stale). */
  reset(): void {
    this.result = null;
    this.error = null;
  }
}
