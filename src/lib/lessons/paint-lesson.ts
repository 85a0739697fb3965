import type { LessonRunner } from './lesson-context';

/** Input of the `paint` lesson's computation. */
export type PaintLessonInput = Record<string, never>;

/** Output of the `paint` lesson's computation. */
export type PaintLessonOutput = Record<string, never>;

/** The `paint` lesson's computation (scaffold: each lesson's engineer replaces it). */
export const paintLesson: LessonRunner<PaintLessonInput, PaintLessonOutput> = async () => {
  throw new Error('The paint lesson is not built yet');
};
