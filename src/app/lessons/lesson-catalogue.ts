import type { LessonId } from '../../lib/lessons/lesson-registry';

/** A lesson as the Lessons screen lists it. */
export interface LessonEntry {
  readonly id: LessonId;
  readonly title: string;
  /** The question the lesson answers, one line. */
  readonly question: string;
}

/** The lessons in teaching order; each opens at `?lesson=ID`. */
export const LESSONS: readonly LessonEntry[] = [
  { id: 'ceiling', title: 'How much is predictable at all', question: 'In a world whose true risk we know, how close can any forecast get?' },
  { id: 'accuracy', title: 'Base rates', question: 'Why does “95 % accurate” say so little about a hotspot forecast?' },
  { id: 'leakage', title: 'How mistakes inflate scores', question: 'What does each common evaluation mistake do to the numbers?' },
  {
    id: 'regression',
    title: 'Regression to the mean',
    question: 'Do last period’s hottest cells stay hot — and what does that do to “it dropped where we patrolled”?',
  },
  { id: 'feedback', title: 'The feedback loop', question: 'What happens when forecasts send patrols and patrols decide what gets recorded?' },
  { id: 'paint', title: 'Paint your hotspots', question: 'Can you pick next period’s hotspots better than a baseline?' },
];

/** What the page's query asks for: one lesson, the list of lessons, or the workbench. */
export type LessonRoute = { readonly kind: 'lesson'; readonly lesson: LessonEntry } | { readonly kind: 'lessons' } | { readonly kind: 'workbench' };

/**
 * Reads `?lesson=ID` (one lesson; an unknown id shows the list) or `?lessons` (the list) from a
 * location's query string; anything else is the workbench.
 * @example lessonRoute('?lesson=paint') // → { kind: 'lesson', lesson: { id: 'paint', … } }
 */
export function lessonRoute(search: string): LessonRoute {
  const params = new URLSearchParams(search);
  const id = params.get('lesson');
  if (id !== null) {
    const lesson = LESSONS.find((entry) => entry.id === id);
    return lesson ? { kind: 'lesson', lesson } : { kind: 'lessons' };
  }
  return params.has('lessons') ? { kind: 'lessons' } : { kind: 'workbench' };
}
