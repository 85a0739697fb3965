import type { LessonContext } from './lesson-context';
import { accuracyLesson } from './accuracy-lesson';
import { ceilingLesson } from './ceiling-lesson';
import { feedbackLesson } from './feedback-lesson';
import { leakageLesson } from './leakage-lesson';
import { paintLesson } from './paint-lesson';
import { regressionLesson } from './regression-lesson';

/**
 * Every lesson's computation by lesson id (the `?lesson=ID` of the app's links). The worker's
 * `lesson` request calls one; the types below make its input and output follow the id.
 */
export const LESSON_RUNNERS = {
  ceiling: ceilingLesson,
  accuracy: accuracyLesson,
  leakage: leakageLesson,
  regression: regressionLesson,
  feedback: feedbackLesson,
  paint: paintLesson,
} as const;

/** A lesson's id. */
export type LessonId = keyof typeof LESSON_RUNNERS;

/** The input of lesson `K`'s computation. */
export type LessonInput<K extends LessonId> = Parameters<(typeof LESSON_RUNNERS)[K]>[0];

/** The output of lesson `K`'s computation. */
export type LessonOutput<K extends LessonId> = Awaited<ReturnType<(typeof LESSON_RUNNERS)[K]>>;

/** One call of a lesson's computation, as the worker's `lesson` request carries it. */
export type LessonCall = { [K in LessonId]: { readonly lesson: K; readonly input: LessonInput<K> } }[LessonId];

/** Any lesson's output (the worker's answer; `runLesson` in the app narrows it by id). */
export type AnyLessonOutput = { [K in LessonId]: LessonOutput<K> }[LessonId];

/** Runs one lesson call. */
export function runLessonCall(call: LessonCall, context: LessonContext): Promise<AnyLessonOutput> {
  const runner = LESSON_RUNNERS[call.lesson] as (input: unknown, context: LessonContext) => Promise<AnyLessonOutput>;
  return runner(call.input, context);
}
