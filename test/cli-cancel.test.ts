import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const chicago = new URL('../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url).pathname;

// Ctrl-C during a backtest of baselines (they fit synchronously): the run stops between folds with
// 'hexcast: cancelled', exit 130 and no output, through bin/hexcast.js's second start (huge pages).
describe('hexcast backtest, cancelled while forecasting', () => {
  it("stops at Ctrl-C once the folds have started: 'cancelled', exit 130, no report written", async () => {
    const dir = new URL('./output/cli-cancel/', import.meta.url).pathname;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const out = `${dir}report.json`;
    const args = ['bin/hexcast.js', 'backtest', chicago, '--time', 'occurred_at', '--lat', 'latitude', '--lng', 'longitude'];
    args.push('--category-column', 'primary_type', '--res', '9', '--bucket', 'day', '--folds', '52', '--out', out);
    // A process group of its own, as a shell's foreground job: Ctrl-C reaches every process in it.
    const run = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    const started = new Promise<void>((resolve) =>
      run.stderr.on('data', (data: Buffer) => {
        stderr += data.toString();
        if (/\(8\/8\): 0%/.test(stderr)) resolve(); // every model has begun its folds
      }),
    );
    const ended = new Promise<number | null>((resolve) => run.once('exit', (code) => resolve(code)));
    await started;
    process.kill(-run.pid!, 'SIGINT');
    expect(await ended).toBe(130);
    expect(stderr).toContain('hexcast: cancelled');
    expect(stderr).not.toMatch(/\(8\/8\): 100%/);
    expect(existsSync(out)).toBe(false);
  });
});
