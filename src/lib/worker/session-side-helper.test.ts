import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HelperAnswer, HelperRequest } from './pool-messages';
import type { BinResult } from './protocol';
import { serveHelper, type HelperScope } from './serve-helper';
import { Session } from './session';
import { WorkerPool, type HelperWorker } from './worker-pool';

const SAMPLE = new URL('../../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url);
const bytes = readFileSync(SAMPLE);
const noBackend = (): Promise<string> => Promise.reject(new Error('no tfjs in this test'));

/** What the side helpers of one session were sent and answered. */
interface Traffic {
  readonly sent: HelperRequest['type'][];
  readonly answered: string[];
}

/**
 * A pool whose helpers run the real `serveHelper` in this thread (messages as structured clones on
 * a later macrotask, as between workers). `broken`: every helper fails as it gets its first
 * message, as a worker that could not load.
 */
function inProcessPool(traffic: Traffic, broken = false): WorkerPool {
  return new WorkerPool((): HelperWorker => {
    const listeners: ((event: { readonly data: HelperRequest }) => void)[] = [];
    let onAnswer: (answer: HelperAnswer) => void = () => {};
    let onFail: (reason: string) => void = () => {};
    let ended = false;
    const scope: HelperScope = {
      postMessage: (answer) => {
        traffic.answered.push(Object.keys(answer).filter((key) => key !== 'id')[0]);
        setTimeout(() => !ended && onAnswer(structuredClone(answer)));
      },
      addEventListener: (_type, listener) => listeners.push(listener),
    };
    serveHelper(scope, noBackend);
    return {
      post(message) {
        traffic.sent.push(message.type);
        const copy = structuredClone(message);
        setTimeout(() => !ended && (broken ? onFail('a test helper could not start') : listeners.forEach((l) => l({ data: copy }))));
      },
      listen(answer, fail) {
        onAnswer = answer;
        onFail = fail;
      },
      terminate: () => void (ended = true),
    };
  });
}

/** Opens the bundled sample as a File-like Blob, loads it with its suggested mapping and bins it at res 8 by `unit`. */
async function binSample(session: Session, helpers: number, unit: 'day' | 'week'): Promise<{ sha256: string; bins: BinResult[] }> {
  const opened = await session.open([{ name: 'chicago-3-types-2014-2018.arrow', file: new Blob([bytes]) }], undefined, { helpers });
  await session.load(opened.suggestion.mapping!, undefined, { res: 8 });
  const bins: BinResult[] = [];
  for (const settings of [
    { res: 8, unit, timeZone: null, categories: null },
    { res: 7, unit, timeZone: null, categories: null },
    { res: 8, unit, timeZone: null, categories: ['BURGLARY'] },
  ]) {
    await session.prepareBin(settings);
    bins.push(session.bin(settings));
  }
  return { sha256: opened.sha256, bins };
}

/** The parts of a bin that make the panel: cells, totals, periods and the row accounting. */
const panelOf = (bin: BinResult): unknown => ({
  cells: bin.cells,
  cellTotals: Array.from(bin.cellTotals),
  periodTotals: Array.from(bin.periodTotals),
  periods: bin.periods,
  report: bin.report,
});

describe('the side helper (hashing the file, looking up its cells meanwhile)', () => {
  it('gives the fingerprint and the panels the worker alone gives, at the resolution it warmed and others', async () => {
    const alone = await binSample(new Session(noBackend), 0, 'day');
    const traffic: Traffic = { sent: [], answered: [] };
    const helped = await binSample(new Session(noBackend, inProcessPool(traffic)), 1, 'day');
    expect(traffic.sent).toEqual(['hash', 'warm']);
    expect(traffic.answered).toEqual(['hashes', 'cache']);
    expect(helped.sha256).toBe(alone.sha256);
    expect(helped.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(helped.bins.map(panelOf)).toEqual(alone.bins.map(panelOf));
    expect(helped.bins[0].report.binned).toBeGreaterThan(100_000);
  });

  it('falls back to the worker’s own hashing and lookups when the helper cannot start', async () => {
    const alone = await binSample(new Session(noBackend), 0, 'week');
    const traffic: Traffic = { sent: [], answered: [] };
    const broken = await binSample(new Session(noBackend, inProcessPool(traffic, true)), 1, 'week');
    expect(traffic.sent).toEqual(['hash']); // it died on the first; the load sent nothing to a dead helper
    expect(traffic.answered).toEqual([]);
    expect(broken.sha256).toBe(alone.sha256);
    expect(broken.bins.map(panelOf)).toEqual(alone.bins.map(panelOf));
  });
});
