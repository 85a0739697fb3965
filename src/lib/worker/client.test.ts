import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../test/fixtures/fake-worker';
import { HexcastError } from '../base/hexcast-error';
import type { WorkerDeath } from './client';

describe('WorkerClient', () => {
  it('rebuilds an error answer as the coded error the worker threw', async () => {
    const worker = fakeWorker();
    const pending = worker.client.request('load', { mapping: {} as never });
    worker.reply({
      type: 'error',
      id: worker.last().id,
      error: { name: 'InputError', message: 'reworded', code: 'column-missing', file: 'a.arrow', column: 'lat' },
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HexcastError);
    expect(error).toMatchObject({ name: 'InputError', code: 'column-missing', file: 'a.arrow', column: 'lat', message: 'reworded' });
  });

  it.each(['error', 'messageerror'] as const)(
    'on an %s event rejects every pending request, terminates the worker, starts a new one and says so',
    async (event) => {
      const worker = fakeWorker();
      const deaths: WorkerDeath[] = [];
      worker.client.onDeath((death) => deaths.push(death));
      const first = worker.client.request('catalogue', {});
      const second = worker.client.start('run', { spec: {} as never });
      worker.die(event, 'Out of memory');
      const errors = await Promise.all([first, second.result].map((p) => p.catch((e: unknown) => e)));
      for (const error of errors) expect(error).toMatchObject({ code: 'worker-died', message: expect.stringMatching(/^The worker stopped: /) });
      if (event === 'error') expect((errors[0] as Error).message).toBe('The worker stopped: Out of memory');
      expect(worker.counts).toEqual({ spawned: 2, terminated: 1 });
      expect(deaths).toHaveLength(1);
      expect(deaths[0].restarted).toBe(true);

      // The new worker answers the next request.
      const after = worker.client.request('catalogue', {});
      worker.reply({ type: 'done', id: worker.last().id, request: 'catalogue', result: { models: [], notes: ['new worker'] } });
      expect(await after).toEqual({ models: [], notes: ['new worker'] });
    },
  );
});
