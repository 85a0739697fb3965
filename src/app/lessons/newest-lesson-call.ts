import type { LessonId, LessonInput, LessonOutput } from '../../lib/lessons/lesson-registry';
import { isAbort, type WorkerClient } from '../../lib/worker/client';
import type { Progress } from '../../lib/worker/protocol';
import { runLesson } from './run-lesson';

/** What a lesson does with its newest call's answer. */
export interface LessonCallHandlers<K extends LessonId> {
  readonly onResult: (output: LessonOutput<K>) => void;
  readonly onError: (message: string) => void;
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * A lesson's calls to the worker where the newest wins: starting one cancels the one before, and
 * only the newest call's answer or error reaches the handlers (a cancelled call says nothing).
 */
export class NewestLessonCall<K extends LessonId> {
  private running: number | null = null;

  constructor(
    private readonly client: WorkerClient,
    private readonly lesson: K,
  ) {}

  /** Runs the lesson on `input`, cancelling the call still running. */
  start(input: LessonInput<K>, handlers: LessonCallHandlers<K>): void {
    if (this.running !== null) this.client.cancel(this.running);
    const call = runLesson(this.client, this.lesson, input, handlers.onProgress);
    this.running = call.id;
    call.result.then(
      (output) => {
        if (this.running !== call.id) return;
        this.running = null;
        handlers.onResult(output);
      },
      (error: unknown) => {
        if (isAbort(error) || this.running !== call.id) return;
        this.running = null;
        handlers.onError(error instanceof Error ? error.message : String(error));
      },
    );
  }
}
