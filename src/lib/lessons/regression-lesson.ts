import type { LessonRunner } from './lesson-context';

/** Input of the `regression` lesson's computation. */
export type RegressionLessonInput = Record<string, never>;

/** Output of the `regression` lesson's computation. */
export type RegressionLessonOutput = Record<string, never>;

/** The `regression` lesson's computation (scaffold: each lesson's engineer replaces it). */
export const regressionLesson: LessonRunner<RegressionLessonInput, RegressionLessonOutput> = async () => {
  throw new Error('The regression lesson is not built yet');
};
