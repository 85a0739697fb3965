import type { LessonRunner } from './lesson-context';

/** Input of the `feedback` lesson's computation. */
export type FeedbackLessonInput = Record<string, never>;

/** Output of the `feedback` lesson's computation. */
export type FeedbackLessonOutput = Record<string, never>;

/** The `feedback` lesson's computation (scaffold: each lesson's engineer replaces it). */
export const feedbackLesson: LessonRunner<FeedbackLessonInput, FeedbackLessonOutput> = async () => {
  throw new Error('The feedback lesson is not built yet');
};
