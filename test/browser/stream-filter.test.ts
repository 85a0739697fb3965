/**
 * A streamed file keeps no rows, so a new category filter in the Binning step decodes it again in
 * the worker: the step shows that decode's progress (bytes read, rows decoded) and a Cancel that
 * stops it, after which the panel binned before stays with its categories. `?streamfrom=0` streams
 * the generated 200,000-row file (bench/generate-incidents.ts), which is held whole by default
 * (STREAM_FROM_BYTES), written again in record batches of 250 rows: the worker yields before each
 * of its 800 batches, so a Cancel clicked when the decode shows reaches it long before the last
 * one (with the generator's 4 batches it could finish first). Nothing here asserts a duration.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIncidents } from '../../bench/generate-incidents';
import type { ColumnMapping } from '../../src/lib/io/column-mapping';
import { loadMapped, openFiles } from '../../src/lib/pipeline/load';
import { useApp } from './harness';

const DIR = existsSync('/work/tmp-data') ? '/work/tmp-data' : tmpdir();
const GENERATED = join(DIR, 'app-stream-200k.arrow');
const FILE = join(DIR, 'app-stream-200k-batches-250.arrow');
const BATCH_ROWS = 250;
const MAPPING: ColumnMapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' }, category: 'primary_type' };
const SAMPLE_INCIDENTS = '167,804 incidents';
const { open } = useApp();
let kept = 0;
let typeZero = 0;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(GENERATED)) await generateIncidents(GENERATED, 200_000);
  if (!existsSync(FILE)) {
    const parts = tableFromIPC(readFileSync(GENERATED)).batches.flatMap((batch) =>
      Array.from({ length: Math.ceil(batch.numRows / BATCH_ROWS) }, (_, i) => batch.slice(i * BATCH_ROWS, (i + 1) * BATCH_ROWS)),
    );
    writeFileSync(FILE, tableToIPC(new Table(parts), 'file'));
  }
  const { incidents } = loadMapped(await openFiles([{ name: 'app-stream-200k-batches-250.arrow', bytes: new Uint8Array(readFileSync(FILE)) }]), MAPPING);
  expect(tableFromIPC(readFileSync(FILE)).batches.length).toBeGreaterThanOrEqual(200_000 / BATCH_ROWS);
  kept = incidents.report.kept;
  const code = incidents.categories.indexOf('TYPE 00');
  for (let i = 0; i < incidents.length; i++) if (incidents.category![i] === code) typeZero++;
}, 180_000);

describe('a category filter on a streamed file', () => {
  it('shows the decode with progress and Cancel in the Binning step; after Cancel the panel binned before stays; without it the filter applies', async () => {
    const app = await open('?streamfrom=0');
    const { page } = app;
    await page.getByRole('navigation').getByText(SAMPLE_INCIDENTS).waitFor({ timeout: 60_000 });
    await page.locator('input[type=file]').setInputFiles(FILE);
    await page
      .getByRole('navigation')
      .getByText(`${kept.toLocaleString('en-US')} incidents`)
      .waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Next: binning →' }).click();
    const facts = page.locator('p.facts');
    await facts.waitFor({ timeout: 60_000 });
    const before = (await facts.textContent())!;
    const typeZeroBox = page.getByRole('checkbox', { name: /^TYPE 00\b/ });
    expect(await typeZeroBox.isChecked()).toBe(true);

    // Untick the commonest category: the file is decoded again, record batch by record batch.
    await typeZeroBox.uncheck();
    const task = page.getByRole('status', { name: /^Decoding 200,000 rows again for \d+ categories$/ });
    await task.waitFor({ timeout: 30_000 });
    // Cancel as soon as the decode shows: the worker stops before its next record batch.
    await task.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('status')
      .getByText('Decoding for the category filter was cancelled: the panel binned before is still shown, with its categories.')
      .waitFor({ timeout: 30_000 });
    const messages = await app.workerMessages();
    expect(messages.some((m) => m.type === 'error' && m.errorName === 'AbortError')).toBe(true); // stopped in the worker
    expect(messages.some((m) => m.request === 'cancel' && m.cancelled === true)).toBe(true);
    expect(await task.count()).toBe(0);
    expect(await facts.textContent()).toBe(before);
    expect(await typeZeroBox.isChecked()).toBe(true); // the form is back at the panel's categories
    await app.screenshot('stream-filter-cancelled');
    await page.setViewportSize({ width: 390, height: 900 });
    await app.screenshot('stream-filter-cancelled-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Let the decode run, showing bytes read and rows decoded, and Next waiting for it: the panel leaves TYPE 00 out.
    await typeZeroBox.uncheck();
    await task.getByText(/ of \d+ MB · [\d,]+ rows · /).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Next: experiment →' }).isDisabled()).toBe(true);
    await app.screenshot('stream-filter-decoding');
    await page.getByText(`${typeZero.toLocaleString('en-US')} left out by the category filter.`).waitFor({ timeout: 120_000 });
    expect(await facts.textContent()).not.toBe(before);
    expect(await typeZeroBox.isChecked()).toBe(false);
    expect(await page.getByText(/^Decoding for the category filter was cancelled/).count()).toBe(0); // the note went with the next bin
    await app.screenshot('stream-filter-applied');
  });
});
