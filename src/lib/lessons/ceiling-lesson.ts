import type { LessonRunner } from './lesson-context';

/** Input of the `ceiling` lesson's computation. */
export type CeilingLessonInput = Record<string, never>;

/** Output of the `ceiling` lesson's computation. */
export type CeilingLessonOutput = Record<string, never>;

/** The `ceiling` lesson's computation (scaffold: each lesson's engineer replaces it). */
export const ceilingLesson: LessonRunner<CeilingLessonInput, CeilingLessonOutput> = async () => {
  throw new Error('The ceiling lesson is not built yet');
};
