import { describe, expect, it } from 'vitest';
import { LESSON_RUNNERS } from '../../lib/lessons/lesson-registry';
import { LESSONS, lessonRoute } from './lesson-catalogue';

describe('lessonRoute', () => {
  it('opens a known lesson, lists the lessons for an unknown one or ?lessons, and is the workbench otherwise', () => {
    expect(lessonRoute('?lesson=paint')).toEqual({ kind: 'lesson', lesson: LESSONS[5] });
    expect(lessonRoute('?lesson=nope')).toEqual({ kind: 'lessons' });
    expect(lessonRoute('?lessons')).toEqual({ kind: 'lessons' });
    expect(lessonRoute('')).toEqual({ kind: 'workbench' });
    expect(lessonRoute('?x=1')).toEqual({ kind: 'workbench' });
  });

  it('lists every lesson the worker can run, once each', () => {
    expect(LESSONS.map((lesson) => lesson.id).sort()).toEqual(Object.keys(LESSON_RUNNERS).sort());
  });
});
