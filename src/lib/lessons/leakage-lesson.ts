import type { LessonRunner } from './lesson-context';

/** Input of the `leakage` lesson's computation. */
export type LeakageLessonInput = Record<string, never>;

/** Output of the `leakage` lesson's computation. */
export type LeakageLessonOutput = Record<string, never>;

/** The `leakage` lesson's computation (scaffold: each lesson's engineer replaces it). */
export const leakageLesson: LessonRunner<LeakageLessonInput, LeakageLessonOutput> = async () => {
  throw new Error('The leakage lesson is not built yet');
};
