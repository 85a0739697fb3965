/**
 * Measurement only (`npm run bench -- app-stream-memory`; skipped unless HEXCAST_STREAM_MEMORY
 * names an Arrow incident file): the app opens the file, decodes it as it streams and bins it
 * with its defaults, while this test samples the resident memory of the Chromium it launched
 * (every process below this one, from /proc) and the page records its long tasks. The numbers go
 * to test/output/stream-memory.json; nothing here asserts a duration or a size.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'vitest';
import { OUTPUT, useApp } from './harness';

const FILE = process.env.HEXCAST_STREAM_MEMORY ?? '';
const { open } = useApp();

/** Resident set (bytes) of every process descending from `root`, and of the largest one. */
function treeRss(root: number): { total: number; largest: number } {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  let total = 0;
  let largest = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      total += kb * 1024;
      largest = Math.max(largest, kb * 1024);
    } catch {
      // the process ended
    }
  }
  return { total, largest };
}

describe.runIf(FILE !== '')('memory and main-thread tasks of a big streamed file in the app', () => {
  it('opens, decodes and bins it, sampling Chromium’s resident memory', async () => {
    const app = await open();
    const { page } = app;
    await page
      .getByRole('navigation')
      .getByText(/incidents$/)
      .first()
      .waitFor({ timeout: 120_000 });
    await app.proveLongTaskObserver();
    await app.resetLongTasks();
    const idle = treeRss(process.pid);
    const peak = { total: 0, largest: 0 };
    const sampler = setInterval(() => {
      const now = treeRss(process.pid);
      peak.total = Math.max(peak.total, now.total);
      peak.largest = Math.max(peak.largest, now.largest);
    }, 100);
    const t0 = Date.now();
    await page.locator('input[type=file]').setInputFiles(FILE);
    await page.getByRole('status', { name: /^Decoding / }).waitFor({ timeout: 1_800_000 });
    const opened = Date.now();
    await page.getByRole('status', { name: /^Decoding / }).waitFor({ state: 'detached', timeout: 1_800_000 });
    const decoded = Date.now();
    await page
      .getByText(/^Panel: [\d,]+ cells|over the app's budget/)
      .first()
      .waitFor({ timeout: 1_800_000 });
    const binned = Date.now();
    clearInterval(sampler);
    const longTasks = await app.longTasks();
    const incidents = await page
      .getByRole('navigation')
      .getByText(/incidents$/)
      .first()
      .textContent();
    const result = {
      file: basename(FILE),
      bytes: statSync(FILE).size,
      incidents,
      openMs: opened - t0,
      decodeMs: decoded - opened,
      binMs: binned - decoded,
      idleRssMb: Math.round(idle.total / 2 ** 20),
      peakRssMb: Math.round(peak.total / 2 ** 20),
      peakLargestProcessMb: Math.round(peak.largest / 2 ** 20),
      longTasks: longTasks.length,
      longestTaskMs: Math.max(0, ...longTasks),
    };
    console.log(JSON.stringify(result));
    writeFileSync(`${OUTPUT}stream-memory.json`, JSON.stringify(result, null, 2));
  }, 3_600_000);
});
