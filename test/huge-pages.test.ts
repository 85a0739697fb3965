import { fork, spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HUGE_INPUT_BYTES, HUGETLB_TUNABLE, OUTPUT_FLAGS, hugePagesEnv } from '../bin/huge-pages.js';
import { outputPaths } from '../src/cli/output-paths';

const parent = new URL('./fixtures/huge-pages/parent.mjs', import.meta.url).pathname;
const sizes: Record<string, number> = { 'chicago.arrow': 69_255_466, 'small.csv': 1_000, 'half.arrow': HUGE_INPUT_BYTES / 2 };
const sizeOf = (path: string): number => sizes[path] ?? 0;

describe('hugePagesEnv (bin/hexcast.js runs big inputs again with glibc huge pages)', () => {
  it('asks for a second start only on Linux, for inputs of HUGE_INPUT_BYTES or more, once', () => {
    const argv = ['bin', 'chicago.arrow', '--res', '8', '--out', 'panel.arrow'];
    expect(hugePagesEnv(argv, { PATH: '/bin' }, 'linux', sizeOf)).toEqual({ PATH: '/bin', GLIBC_TUNABLES: HUGETLB_TUNABLE });
    expect(hugePagesEnv(argv, {}, 'darwin', sizeOf)).toBeNull();
    expect(hugePagesEnv(argv, { GLIBC_TUNABLES: HUGETLB_TUNABLE }, 'linux', sizeOf)).toBeNull(); // the second start itself
    expect(hugePagesEnv(argv, { HEXCAST_HUGE_PAGES: 'off' }, 'linux', sizeOf)).toBeNull();
    expect(hugePagesEnv(['bin', 'small.csv', '--res', '8'], {}, 'linux', sizeOf)).toBeNull();
    expect(hugePagesEnv(['backtest', 'half.arrow', 'half.arrow'], {}, 'linux', sizeOf)).not.toBeNull(); // files add up
    expect(hugePagesEnv(['--help'], {}, 'linux', sizeOf)).toBeNull();
    expect(hugePagesEnv(['bin', 'small.csv', '--out', 'chicago.arrow'], {}, 'linux', sizeOf)).toBeNull(); // an output from an earlier run is no input
    expect(hugePagesEnv(['backtest', 'small.csv', '--forecasts', 'chicago.arrow', '--md', 'half.arrow'], {}, 'linux', sizeOf)).toBeNull();
    expect(hugePagesEnv(argv, {}, 'linux', sizeOf, ['--inspect=9229'])).toBeNull(); // a debugger stays on this process
    expect(hugePagesEnv(argv, { NODE_OPTIONS: '--inspect-brk' }, 'linux', sizeOf)).toBeNull();
  });

  it('knows every output flag the commands write through (its plain-JavaScript list matches outputPaths)', () => {
    // Required<…>: a new output flag in outputPaths' parameter fails to compile here until it is listed.
    const every: Required<Parameters<typeof outputPaths>[0]> = { out: 'a', md: 'b', html: 'c', forecasts: 'd' };
    expect([...new Set(outputPaths(every).map((o) => o.flag))].sort()).toEqual([...OUTPUT_FLAGS].sort());
  });

  it('takes a flag value that is no file name (a WKT string for --crs, a path through a file) as no input, without throwing', () => {
    const wkt = `PROJCS["NAD_1983_HARN_StatePlane_Oregon_North_FIPS_3601_Feet_Intl",${'PARAMETER["x",0.0],'.repeat(20)}UNIT["Foot",0.3048]]`;
    expect(hugePagesEnv(['bin', wkt, '--res', '8'], {}, 'linux')).toBeNull();
    expect(hugePagesEnv(['inspect', new URL('../README.md/x', import.meta.url).pathname], {}, 'linux')).toBeNull();
  });

  it("keeps the user's other tunables", () => {
    expect(hugePagesEnv(['chicago.arrow'], { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux', sizeOf)?.GLIBC_TUNABLES).toBe(
      `glibc.malloc.arena_max=2:${HUGETLB_TUNABLE}`,
    );
  });

  it('runs the command again with the tunable, the same arguments and its exit status', () => {
    const run = spawnSync(process.execPath, [parent, 'exit', '3'], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    const child = JSON.parse(run.stdout) as { tunables: string; argv: string[] };
    expect(child).toMatchObject({ tunables: HUGETLB_TUNABLE, argv: ['exit', '3'] });
  });

  it("lets a terminal's SIGINT reach the child once (the child cancels and exits 130), and does not pass on a SIGINT sent to it alone", async () => {
    // The parent leads a process group of its own, as a shell's foreground job does; the group gets the SIGINT.
    const run = spawn(process.execPath, [parent, 'cancel'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let out = '';
    run.stdout.on('data', (data: Buffer) => (out += data.toString()));
    await new Promise<void>((resolve) => run.stdout.once('data', () => resolve()));
    const { pid } = JSON.parse(out) as { pid: number };
    run.kill('SIGINT'); // to the parent alone: nothing happens
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(() => process.kill(pid, 0)).not.toThrow();
    const ended = new Promise<number | null>((resolve) => run.once('exit', (code) => resolve(code)));
    process.kill(-run.pid!, 'SIGINT'); // to the group, as Ctrl-C
    expect(await ended).toBe(130);
    expect(out.match(/cancelled/g)).toHaveLength(1);
  });

  it('passes SIGTERM on: the child ends, and the parent ends by the same signal', async () => {
    const run = spawn(process.execPath, [parent, 'wait'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => run.stdout.once('data', (data: Buffer) => resolve(data.toString())));
    const { pid } = JSON.parse(line) as { pid: number };
    const ended = new Promise<NodeJS.Signals | null>((resolve) => run.once('exit', (_code, signal) => resolve(signal)));
    run.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(() => process.kill(pid, 0)).toThrow(); // the child is gone too
  });

  it('ends the child when the parent is killed outright (SIGKILL passes nothing on)', async () => {
    const run = spawn(process.execPath, [parent, 'wait'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => run.stdout.once('data', (data: Buffer) => resolve(data.toString())));
    const { pid } = JSON.parse(line) as { pid: number };
    run.kill('SIGKILL');
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let tries = 0; tries < 100 && alive(); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive()).toBe(false);
  });

  it("leaves a hexcast started by a user's own fork() alone when its parent disconnects (only the second start ends with its parent)", async () => {
    const run = fork(new URL('./fixtures/huge-pages/child.mjs', import.meta.url).pathname, ['exit-later'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    await new Promise<void>((resolve) => run.stdout!.once('data', () => resolve()));
    run.disconnect();
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => run.once('exit', (c, s) => resolve([c, s])));
    expect(signal).toBeNull();
    expect(code).toBe(7); // ran to its end
  });
});
