import type { Component } from 'svelte';
import type { LessonId } from '../../lib/lessons/lesson-registry';
import type { WorkerClient } from '../../lib/worker/client';
import type { Workbench } from '../state/workbench.svelte';
import AccuracyLesson from './AccuracyLesson.svelte';
import CeilingLesson from './CeilingLesson.svelte';
import FeedbackLesson from './FeedbackLesson.svelte';
import LeakageLesson from './LeakageLesson.svelte';
import PaintLesson from './PaintLesson.svelte';
import RegressionLesson from './RegressionLesson.svelte';

/** What every lesson component receives: the workbench (its binned panel, for lessons on real geography) and the worker client. */
export interface LessonProps {
  readonly bench: Workbench;
  readonly client: WorkerClient;
}

/** Each lesson's component by id. */
export const LESSON_COMPONENTS: Record<LessonId, Component<LessonProps>> = {
  ceiling: CeilingLesson,
  accuracy: AccuracyLesson,
  leakage: LeakageLesson,
  regression: RegressionLesson,
  feedback: FeedbackLesson,
  paint: PaintLesson,
};
