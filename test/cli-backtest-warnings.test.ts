/**
 * `hexcast backtest` carries the load's warnings as `inspect` and `bin` print them: on stderr, in
 * the JSON report (each remedy in its neutral phrase, so the app and the CLI write the same JSON)
 * and in the Markdown and HTML reports, worded as the CLI's flags; `hexcast report` words them alike.
 * A panel file's load warnings (repeated (cell, period) pairs) reach the report the same way.
 */
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';

const PLAINFIELD = '../shared/data/plainfield-nj-crime-reports-2018.arrow';
const dir = mkdtempSync(join(tmpdir(), 'hexcast-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ZONE = "no time zone declared for 'occurred_at' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC";
const CLI_REMEDY = 'declare it with --tz ZONE (an IANA name such as America/New_York)';
const RUN = ['backtest', PLAINFIELD, '--res', '9', '--bucket', 'week', '--folds', '12', '--models', 'naive,historic-average'];

describe('hexcast backtest on Plainfield (wall-clock times, no zone declared)', () => {
  it('warns on stderr and in every report, the zone warning worded as inspect words it', async () => {
    const out = (name: string) => join(dir, name);
    const run = await hexcast(...RUN, '--out', out('r.json'), '--md', out('r.md'), '--html', out('r.html'));
    expect(run.code).toBe(0);
    const inspect = await hexcast('inspect', PLAINFIELD);
    const warning = `${ZONE}; ${CLI_REMEDY}`;
    expect(inspect.stdout).toContain(`Warning: ${warning}`);
    expect(run.stderr).toContain(`warning: ${warning}\n`);
    const report = JSON.parse(readFileSync(out('r.json'), 'utf8'));
    expect(report.data.warnings).toEqual([`${ZONE}; declare the zone with the time zone setting`]);
    const md = readFileSync(out('r.md'), 'utf8');
    expect(md).toContain(`\n- Warning: ${warning.replaceAll('_', '\\_')}\n`);
    expect(readFileSync(out('r.html'), 'utf8')).toContain(`<dt>Warning</dt> <dd>${warning}</dd>`);
    expect((await hexcast('report', out('r.json'), '--md', out('again.md'))).code).toBe(0);
    expect(readFileSync(out('again.md'), 'utf8')).toContain(`\n- Warning: ${warning.replaceAll('_', '\\_')}\n`);
  }, 120_000);

  it('with --tz, no zone warning anywhere', async () => {
    const run = await hexcast(...RUN, '--tz', 'America/New_York', '--out', join(dir, 'tz.json'), '--md', join(dir, 'tz.md'));
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('warning:');
    expect(JSON.parse(readFileSync(join(dir, 'tz.json'), 'utf8')).data.warnings).toBeUndefined();
    expect(readFileSync(join(dir, 'tz.md'), 'utf8')).not.toContain('Warning:');
  }, 120_000);
});

describe('hexcast backtest on a panel file whose first 5 rows are repeated', () => {
  it('warns of the repeated pairs on stderr, in the JSON and in the Markdown, as inspect does', async () => {
    const panel = join(dir, 'panel.arrow');
    expect((await hexcast('bin', PLAINFIELD, '--res', '9', '--bucket', 'week', '--out', panel)).code).toBe(0);
    const table = tableFromIPC(readFileSync(panel));
    const repeated = join(dir, 'repeated.arrow');
    writeFileSync(repeated, tableToIPC(new Table(table.schema, [...table.slice(0, 5).batches, ...table.batches]), 'file'));
    const warning = '5 rows repeated a (cell, period) pair; their counts were added together';
    expect((await hexcast('inspect', repeated)).stdout).toContain(`Warning: ${warning}`);
    const run = await hexcast(
      'backtest',
      repeated,
      '--folds',
      '12',
      '--models',
      'naive,historic-average',
      '--out',
      join(dir, 'p.json'),
      '--md',
      join(dir, 'p.md'),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${warning}\n`);
    expect(JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')).data.warnings).toEqual([warning]);
    expect(readFileSync(join(dir, 'p.md'), 'utf8')).toContain(`\n- Warning: ${warning}\n`);
  }, 120_000);
});
