import { describe, expect, it } from 'vitest';
import { fakeIndexedDB } from '../../../test/fixtures/fake-indexeddb';
import type { RecentExperiment } from '../recent-experiments';
import { RecentState } from './recent.svelte';

const ENTRY: RecentExperiment = { hash: 'v=1&sample=x', title: 'Chicago', headline: 'Naive wins', models: 2, createdAt: '2026-12-04T10:00:00.000Z' };

describe('RecentState', () => {
  it('lists what it saved', async () => {
    const { factory } = fakeIndexedDB();
    const recent = new RecentState(() => factory);
    await recent.add(ENTRY);
    expect(recent.items).toEqual([ENTRY]);
    expect([recent.error, recent.saveError]).toEqual([null, null]);
  });

  it('without IndexedDB: no list, a message saying why and that links still work; a run is reported as not saved', async () => {
    const recent = new RecentState(() => undefined);
    await recent.refresh();
    expect(recent.items).toEqual([]);
    expect(recent.error).toBe(
      'Recent experiments cannot be shown: this browser gives the page no IndexedDB, as private windows and some privacy settings do. Runs still work; the link in the address bar reproduces an experiment.',
    );
    await recent.add(ENTRY);
    expect(recent.saveError).toBe(
      'This run was not saved to the recent experiments: this browser gives the page no IndexedDB, as private windows and some privacy settings do. The link in the address bar still reproduces it.',
    );
  });

  it('a full quota: the run is not saved, the list keeps what it had, and the message names the quota', async () => {
    const { factory } = fakeIndexedDB();
    const recent = new RecentState(() => factory);
    await recent.add(ENTRY);
    const full = fakeIndexedDB({ putError: new DOMException('quota', 'QuotaExceededError') });
    const failing = new RecentState(() => full.factory);
    failing.items = recent.items;
    await failing.add({ ...ENTRY, hash: 'v=1&sample=y' });
    expect(failing.items).toEqual([ENTRY]);
    expect(failing.saveError).toMatch(
      /^This run was not saved to the recent experiments: the browser's storage for this site is full \(QuotaExceededError\)\./,
    );
  });
});
