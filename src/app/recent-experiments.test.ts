import { describe, expect, it } from 'vitest';
import { fakeIndexedDB } from '../../test/fixtures/fake-indexeddb';
import { listRecent, MAX_RECENT, RecentStorageError, saveRecent, type RecentExperiment } from './recent-experiments';

const entry = (i: number): RecentExperiment => ({
  hash: `v=1&sample=x&seed=${i}`,
  title: `run ${i}`,
  headline: 'Naive wins',
  models: 2,
  createdAt: `2026-12-04T10:${String(i).padStart(2, '0')}:00.000Z`,
});

async function problemOf(promise: Promise<unknown>): Promise<{ problem: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecentStorageError);
  const { problem, message } = error as RecentStorageError;
  return { problem, message };
}

describe('saveRecent / listRecent', () => {
  it('store experiments newest first and keep only the newest MAX_RECENT', async () => {
    const { factory } = fakeIndexedDB();
    for (let i = 0; i <= MAX_RECENT; i++) await saveRecent(entry(i), factory);
    const listed = await listRecent(factory);
    expect(listed).toHaveLength(MAX_RECENT);
    expect(listed[0]).toEqual(entry(MAX_RECENT));
    expect(listed.map((e) => e.title)).not.toContain('run 0'); // the oldest of 21 is deleted
  });

  it('with no IndexedDB at all (indexedDB undefined) both reject as unavailable, saying so', async () => {
    expect(await problemOf(listRecent(undefined))).toEqual({
      problem: 'unavailable',
      message: 'this browser gives the page no IndexedDB, as private windows and some privacy settings do',
    });
    expect((await problemOf(saveRecent(entry(1), undefined))).problem).toBe('unavailable');
  });

  it.each([
    [
      'indexedDB.open throws a SecurityError',
      { openThrows: new DOMException('access denied', 'SecurityError') },
      'unavailable',
      /SecurityError: access denied/,
    ],
    [
      'the open request errs with InvalidStateError (Firefox private windows)',
      { openError: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') },
      'unavailable',
      /refuses the page its storage.*InvalidStateError/,
    ],
    [
      'the open request errs otherwise',
      { openError: new DOMException('disk gone', 'UnknownError') },
      'failed',
      /^IndexedDB failed \(UnknownError: disk gone\)$/,
    ],
    ['another tab blocks the open', { blocked: true }, 'blocked', /another tab holds an older version of the database open/],
  ])('when %s, listRecent rejects as %s with a specific message', async (_, options, problem, message) => {
    const failed = await problemOf(listRecent(fakeIndexedDB(options).factory));
    expect(failed.problem).toBe(problem);
    expect(failed.message).toMatch(message);
  });

  it('a quota error on save rejects as quota and leaves the stored list as it was (the transaction aborts)', async () => {
    const good = fakeIndexedDB();
    await saveRecent(entry(1), good.factory);
    const full = fakeIndexedDB({ putError: new DOMException('quota', 'QuotaExceededError') });
    full.rows.set(entry(1).hash, entry(1));
    expect(await problemOf(saveRecent(entry(2), full.factory))).toEqual({
      problem: 'quota',
      message: "the browser's storage for this site is full (QuotaExceededError)",
    });
    expect([...full.rows.values()]).toEqual([entry(1)]);
  });
});
