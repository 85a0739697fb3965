import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { servedSession } from '../../../test/fixtures/served-session';
import { protocolOf } from '../evaluate/protocol';
import { isAbort, type WorkerClient } from './client';
import type { Progress } from './protocol';

const PORTLAND = new URL('../../../public/samples/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url);
const MAPPING = {
  time: { column: 'occ_date' },
  location: { kind: 'xy' as const, x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};
const ENVIRONMENT = { hexcast: 'test', runtime: 'node', libraries: {} };
const closing: (() => void)[] = [];

afterEach(() => {
  for (const close of closing.splice(0)) close();
});

/** A client and a server joined by a MessageChannel, as the app and its worker are. */
async function connected(): Promise<WorkerClient> {
  const { client, close } = servedSession();
  closing.push(close);
  const bytes = readFileSync(PORTLAND);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await client.request('open', { files: [{ name: 'portland.arrow', bytes: buffer }] }, { transfer: [buffer] });
  expect(buffer.byteLength).toBe(0); // transferred, not copied
  await client.request('load', { mapping: MAPPING });
  return client;
}

describe('serve + WorkerClient', () => {
  it('answers only the newest of several queued bin requests; the older ones fail with an AbortError', async () => {
    const client = await connected();
    const settings = (res: number) => ({ res, unit: 'month' as const, timeZone: null, categories: null });
    const answers = await Promise.allSettled([6, 7, 8].map((res) => client.request('bin', { settings: settings(res) })));
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(isAbort((answers[0] as PromiseRejectedResult).reason)).toBe(true);
    expect((answers[2] as PromiseFulfilledResult<{ res: number }>).value.res).toBe(8);
  });

  it('reports an input error with its message and column', async () => {
    const client = await connected();
    const error = await client.request('load', { mapping: { ...MAPPING, time: { column: 'no_such_column' } } }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('no_such_column');
    expect((error as Error).name).toBe('InputError');
  });

  it('cancel(run) stops a run between folds with an AbortError, and a later run still completes', async () => {
    const client = await connected();
    await client.request('bin', { settings: { res: 7, unit: 'day', timeZone: null, categories: null } });
    const spec = { models: ['naive', 'kde'], protocol: protocolOf({ folds: 400, validation: 0 }), backend: 'auto' as const, environment: ENVIRONMENT };
    const folds: number[] = [];
    let cancelled: Promise<{ cancelled: boolean }> | undefined;
    const run = client.start(
      'run',
      { spec },
      {
        onProgress: (p: Progress) => {
          if (p.stage !== 'forecast') return;
          folds.push(p.run.fold);
          cancelled ??= client.cancel(run.id);
        },
      },
    );
    const error = await run.result.catch((e: Error) => e);
    expect(isAbort(error)).toBe(true);
    expect(await cancelled).toEqual({ cancelled: true });
    expect(Math.max(...folds)).toBeLessThan(20);
    const done = await client.request('run', { spec: { ...spec, protocol: protocolOf({ folds: 2, validation: 0 }) } });
    expect(done.report.models.map((m) => m.name)).toEqual(['naive', 'kde(window=91, rings=1)']);
  });

  it('a new run aborts the one before it (the newest run wins)', async () => {
    const client = await connected();
    await client.request('bin', { settings: { res: 7, unit: 'day', timeZone: null, categories: null } });
    const spec = (folds: number) => ({ models: ['naive'], protocol: protocolOf({ folds, validation: 0 }), backend: 'auto' as const, environment: ENVIRONMENT });
    const first = client.request('run', { spec: spec(400) });
    const second = client.request('run', { spec: spec(2) });
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status).toBe('rejected');
    expect(isAbort((a as PromiseRejectedResult).reason)).toBe(true);
    expect(b.status).toBe('fulfilled');
  });
});
