import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { servedSession } from '../../../test/fixtures/served-session';
import { isAbort, type WorkerClient } from './client';
import { Session } from './session';

// The worker's 'open' answers before the fingerprint; 'fingerprint' answers it once hashed while idle.
const data = (name: string): ArrayBuffer => {
  const bytes = readFileSync(new URL(`../../../../shared/data/${name}`, import.meta.url));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};
const PORTLAND = { name: 'portland-nij-burglary-vehicle-2012-2017.arrow', sha256: '2a88385d4bce17f89e8ff38dec933b1233520c0f7995ec6523cda8376c0d4cae' };
const PLAINFIELD = { name: 'plainfield-nj-crime-reports-2018.arrow', sha256: '1c6ef08199a955dcd1e217f5e123211fe406458e3b6e63de389631fbaf313480' };
const MAPPING = {
  time: { column: 'occ_date' },
  location: { kind: 'xy' as const, x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};
const closing: (() => void)[] = [];

afterEach(() => {
  for (const close of closing.splice(0)) close();
});

function connected(options: Parameters<typeof servedSession>[0] = {}): WorkerClient {
  const { client, close } = servedSession(options);
  closing.push(close);
  return client;
}

const open = (client: WorkerClient, file: { name: string }) => {
  const bytes = data(file.name);
  return client.request('open', { files: [{ name: file.name, bytes }] }, { transfer: [bytes] });
};

describe("serve: 'open' answers before the fingerprint, 'fingerprint' once hashed", () => {
  it('the open answers with sha256 null; the fingerprint, asked with its generation, is the file’s sha256sum, hashed while idle', async () => {
    const client = connected();
    const opened = await open(client, PORTLAND);
    expect(opened.sha256).toBeNull();
    expect(opened.sources[0].sha256).toBeNull();
    expect(await client.request('fingerprint', { generation: opened.generation })).toEqual({ sha256: PORTLAND.sha256, hashes: [PORTLAND.sha256] });
    // Requests queued behind the open are answered as before; the fingerprint stays the same.
    const loaded = await client.request('load', { mapping: MAPPING });
    expect(loaded.report.read).toBeGreaterThan(0);
    expect(await client.request('fingerprint', { generation: opened.generation })).toEqual({ sha256: PORTLAND.sha256, hashes: [PORTLAND.sha256] });
  });

  it('a second open before the first fingerprint is asked for: the first generation is refused with an AbortError, the second is its own file’s', async () => {
    const client = connected();
    const first = open(client, PORTLAND);
    const second = open(client, PLAINFIELD);
    const [a, b] = await Promise.all([first, second]);
    expect([a.generation, b.generation]).toEqual([1, 2]);
    const old = await client.request('fingerprint', { generation: a.generation }).catch((error: unknown) => error);
    expect(isAbort(old)).toBe(true);
    expect(await client.request('fingerprint', { generation: b.generation })).toEqual({ sha256: PLAINFIELD.sha256, hashes: [PLAINFIELD.sha256] });
  });

  it('a request queued behind the open is answered before any hashing: the fingerprint is hashed in slices while idle, after it', async () => {
    const session = new Session(() => Promise.reject(new Error('no tfjs here')));
    const events: string[] = [];
    const hashStep = session.hashStep.bind(session);
    session.hashStep = (bytes: number) => {
      events.push('hash');
      hashStep(bytes);
    };
    // The load's end as the worker sees it (its answer reaches the page a message later).
    const load = session.load.bind(session);
    session.load = async (...args: Parameters<Session['load']>) => {
      const loaded = await load(...args);
      events.push('load');
      return loaded;
    };
    const client = connected({ session, hashSlice: 64 * 1024 });
    const opening = open(client, PORTLAND);
    const loading = client.request('load', { mapping: MAPPING });
    const opened = await opening;
    const fingerprint = await client.request('fingerprint', { generation: opened.generation });
    events.push('fingerprint');
    await loading;
    expect(fingerprint).toEqual({ sha256: PORTLAND.sha256, hashes: [PORTLAND.sha256] });
    // The load, then the slices (Portland is several 64 KiB slices), then the fingerprint.
    const slices = events.filter((e) => e === 'hash').length;
    expect(slices).toBeGreaterThan(1);
    expect(events).toEqual(['load', ...Array<string>(slices).fill('hash'), 'fingerprint']);
  });
});
