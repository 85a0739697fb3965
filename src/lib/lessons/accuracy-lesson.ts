import type { LessonRunner } from './lesson-context';

/** Input of the `accuracy` lesson's computation. */
export type AccuracyLessonInput = Record<string, never>;

/** Output of the `accuracy` lesson's computation. */
export type AccuracyLessonOutput = Record<string, never>;

/** The `accuracy` lesson's computation (scaffold: each lesson's engineer replaces it). */
export const accuracyLesson: LessonRunner<AccuracyLessonInput, AccuracyLessonOutput> = async () => {
  throw new Error('The accuracy lesson is not built yet');
};
