import type { LessonId, LessonInput, LessonOutput } from '../../lib/lessons/lesson-registry';
import type { Progress } from '../../lib/worker/protocol';
import type { WorkerClient } from '../../lib/worker/client';

/**
 * Runs lesson `lesson`'s computation in the worker and resolves with its typed output; progress
 * messages (stage 'lesson') go to `onProgress`. The returned `id` cancels it (`client.cancel`).
 */
export function runLesson<K extends LessonId>(
  client: WorkerClient,
  lesson: K,
  input: LessonInput<K>,
  onProgress?: (progress: Progress) => void,
): { readonly id: number; readonly result: Promise<LessonOutput<K>> } {
  const pending = client.start('lesson', { call: { lesson, input } as never }, { onProgress });
  return { id: pending.id, result: pending.result as Promise<LessonOutput<K>> };
}
