import type { LessonId, LessonInput, LessonOutput } from '../../lib/lessons/lesson-registry';
import { isAbort, type WorkerClient } from '../../lib/worker/client';
import type { Progress } from '../../lib/worker/protocol';
import { runLesson } from './run-lesson';

/**
 * A lesson's computation where only the newest call counts: starting one cancels the one in
 * flight, and `output` is the newest finished answer (kept while the next one runs, so the page
 * does not flicker). `ms` is how long that answer took from the call; `progress` is the running
 * call's latest progress message (null when none runs); a cancelled call changes nothing.
 */
export class LatestLessonRun<K extends LessonId> {
  output = $state.raw<LessonOutput<K> | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  ms = $state<number | null>(null);
  progress = $state.raw<Progress | null>(null);
  private current: number | null = null;

  constructor(
    private readonly client: WorkerClient,
    private readonly lesson: K,
  ) {}

  /** Runs the lesson on `input`, cancelling the previous call; resolves with this call's output, or null when it was superseded or failed. */
  async run(input: LessonInput<K>): Promise<LessonOutput<K> | null> {
    if (this.current !== null) void this.client.cancel(this.current).catch(() => {});
    const started = performance.now();
    const { id, result } = runLesson(this.client, this.lesson, input, (progress) => {
      if (this.current === id) this.progress = progress;
    });
    this.current = id;
    this.busy = true;
    this.progress = null;
    try {
      const output = await result;
      if (this.current !== id) return null;
      this.output = output;
      this.error = null;
      this.ms = performance.now() - started;
      return output;
    } catch (error) {
      if (this.current === id && !isAbort(error)) this.error = error instanceof Error ? error.message : String(error);
      return null;
    } finally {
      if (this.current === id) {
        this.busy = false;
        this.current = null;
        this.progress = null;
      }
    }
  }
}
