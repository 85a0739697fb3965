import { readFileSync } from 'node:fs';
import { Int64, TimestampMillisecond, Uint64, vectorFromArray } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wallToInstant } from '../../src/lib/base/time-zone';
import { arrowTableBytes } from '../../src/lib/io/arrow-table-bytes';
import { panelFileBytes } from '../../src/lib/grid/panel-file';
import { readArrow } from '../../src/lib/io/read-arrow';
import { preparePanel } from '../../src/lib/pipeline/prepare-panel';
import { metricNumbers, useApp, type Watched } from './harness';

const SAMPLES = new URL('../../public/samples/', import.meta.url).pathname;
const { open: openPage } = useApp();

/** Portland binned weekly at resolution 8, written as `hexcast bin` writes it (with Hexcast's metadata). */
function portlandPanelFile(): { name: string; mimeType: string; buffer: Buffer } {
  const source = readArrow(readFileSync(`${SAMPLES}portland-nij-burglary-vehicle-2012-2017.arrow`), 'portland.arrow');
  const mapping = {
    time: { column: 'occ_date' },
    location: { kind: 'xy' as const, x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
    category: 'category',
  };
  const { panel } = preparePanel([source], '0', { mapping, bin: { res: 8, unit: 'week' } });
  return { name: 'portland-weekly-res8.arrow', mimeType: 'application/vnd.apache.arrow.file', buffer: Buffer.from(panelFileBytes(panel)) };
}

/**
 * The first 60 days of the Chicago sample as DuckDB writes a daily H3 panel: uint64 cells,
 * periods as UTC instants of Chicago's local midnights (05:00 or 06:00 UTC), int64 counts,
 * one row per non-empty cell-day, no Hexcast metadata.
 */
function chicagoDuckdbFile(): { name: string; mimeType: string; buffer: Buffer } {
  const source = readArrow(readFileSync(`${SAMPLES}chicago-3-types-2014-2018.arrow`), 'chicago.arrow');
  const mapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng' as const, lat: 'latitude', lng: 'longitude' }, category: null };
  const { panel } = preparePanel([source], '0', { mapping, bin: { res: 8, unit: 'day' } });
  const C = panel.cells.length;
  const cell: bigint[] = [];
  const period: number[] = [];
  const count: bigint[] = [];
  for (let p = 0; p < 60; p++) {
    for (let c = 0; c < C; c++) {
      const n = panel.counts[p * C + c];
      if (n === 0) continue;
      cell.push(BigInt(`0x${panel.cells[c]}`));
      period.push(wallToInstant('America/Chicago', panel.periods[p]));
      count.push(BigInt(n));
    }
  }
  const bytes = arrowTableBytes({
    cell: vectorFromArray(cell, new Uint64()),
    period: vectorFromArray(period, new TimestampMillisecond('UTC')),
    count: vectorFromArray(count, new Int64()),
  });
  return { name: 'chicago-daily-duckdb.arrow', mimeType: 'application/vnd.apache.arrow.file', buffer: Buffer.from(bytes) };
}

async function open(hash = ''): Promise<Watched> {
  const app = await openPage(hash);
  if (!hash) await app.page.getByRole('navigation').getByText('167,804 incidents').waitFor(); // the default sample is open
  return app;
}

const fileInput = (page: Page) => page.locator('input[type=file]').first();
const nav = (page: Page) => page.getByRole('navigation');

describe('a pre-binned panel file', () => {
  it('opens without a mapping, keeps the file’s resolution and bucket, runs the baselines, and a link reproduces the numbers', async () => {
    const file = portlandPanelFile();
    const app = await open();
    const { page } = app;
    await fileInput(page).setInputFiles(file);
    await page.getByRole('heading', { name: 'Pre-binned panel' }).waitFor();
    await nav(page).getByText('15,149 incidents, pre-binned').waitFor(); // 15,206 less 57 in the partial first and last weeks
    const facts = page.locator('dl.facts');
    await facts.getByText('hexcast bin (the file records its resolution, bucket and span)').waitFor();
    await facts.getByText('481 H3 cells at resolution 8 (edge ≈ 531 m)').waitFor();
    await facts.getByText('273 weeks (Monday start)').waitFor();
    await facts.getByText('local wall-clock time, zone not declared').waitFor();
    const rows = readArrow(file.buffer, file.name).table.numRows;
    const accounting = page.locator('table.accounting');
    expect(await accounting.locator('tr', { hasText: 'Rows read' }).locator('td').first().textContent()).toBe(rows.toLocaleString('en-US'));
    expect(await accounting.locator('tr', { hasText: 'Used' }).locator('td').first().textContent()).toBe(rows.toLocaleString('en-US'));
    expect(await accounting.locator('tr', { hasText: 'Repeated' }).locator('td').first().textContent()).toBe('0');
    expect(await page.locator('#map-time').count()).toBe(0); // no column mapping for a panel
    await app.screenshot('16-panel-data');

    await page.getByRole('button', { name: 'Next: binning →' }).click();
    expect(await page.locator('#bin-res').inputValue()).toBe('8 · edge ≈ 531 m · 481 cells');
    expect(await page.locator('#bin-res').isDisabled()).toBe(true);
    expect(await page.locator('#bin-unit').inputValue()).toBe('week (Monday start)');
    await page.getByText(/^Fixed by the file: its counts are already totals per resolution-8 cell/).waitFor();
    await page.getByText('481 cells', { exact: true }).waitFor();
    await page.getByText('273 weeks', { exact: true }).waitFor();
    await page.locator('.map svg path[data-i]').first().waitFor();
    await app.screenshot('17-panel-binning');

    await page.getByRole('button', { name: 'Next: experiment →' }).click();
    await page.getByRole('button', { name: /^Run \d+ models × 26 folds$/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    await page.locator('table.hx-table').first().waitFor();
    const numbers = await metricNumbers(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report (JSON)' }).click()]);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(numbers).toHaveLength(2 * report.models.length);
    expect(report.data).toMatchObject({
      kind: 'panel',
      files: [{ name: file.name, bytes: file.buffer.byteLength, rows }],
      rows: { read: rows, kept: rows, dropped: {} },
    });
    expect(report.data.mapping).toBeUndefined();
    expect(report.panel).toMatchObject({ resolution: 8, bucket: 'week', cells: 481, periods: 273, incidents: 15_149, clock: 'wall' });
    await app.screenshot('18-panel-results');

    // The link names the panel file by SHA-256 and restores the same numbers from it.
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/file=portland-weekly-res8\.arrow%40[0-9a-f]{64}/);
    expect(hash).not.toContain('mapping=');
    const again = await open(hash);
    await again.page.getByText(/This link was made with portland-weekly-res8\.arrow/).waitFor();
    await fileInput(again.page).setInputFiles(file);
    await again.page.getByText(/^Files verified\. Press Run to reproduce the linked experiment\./).waitFor();
    await again.page.getByRole('button', { name: /^Run \(/ }).click();
    await again.page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    expect(await metricNumbers(again.page)).toEqual(numbers);
  });

  it('reads a DuckDB-style file without metadata: hours in UTC until its zone is named, then days', async () => {
    const app = await open();
    const { page } = app;
    await fileInput(page).setInputFiles(chicagoDuckdbFile());
    await page.getByRole('heading', { name: 'Pre-binned panel' }).waitFor();
    await page.locator('dl.facts').getByText('another engine (no Hexcast metadata): the bucket is read from the periods').waitFor();
    // Chicago's midnights are 05:00 or 06:00 UTC: on the UTC calendar only hours fit them.
    await page
      .locator('dl.facts')
      .getByText(/^1,4\d\d hours, inferred from their spacing$/)
      .waitFor();
    expect(await page.locator('.preview td').first().textContent()).toMatch(/^88[0-9a-f]{13}$/); // uint64 cells shown as H3 indexes

    await nav(page)
      .getByRole('button', { name: /Binning/ })
      .click();
    expect(await page.locator('#bin-res').isDisabled()).toBe(true);
    const zone = page.locator('#bin-zone');
    await zone.fill('America/Chicgo');
    await zone.press('Enter');
    await page.locator('#bin-zone-error').getByText("'America/Chicgo' is not a time zone this browser knows").waitFor();
    await zone.fill('America/Chicago');
    await zone.press('Enter');
    await page.getByText('60 days', { exact: true }).waitFor();
    expect(await page.locator('#bin-unit option:checked').textContent()).toBe('day, read from the periods');
    // A bucket the periods do not fit is refused, and the daily panel stays.
    await page.locator('#bin-unit').selectOption('week');
    await page
      .getByRole('alert')
      .getByText(/The panel could not be read with these settings: .*is not the start of a week bucket in America\/Chicago/)
      .waitFor();
    await page.getByText('60 days', { exact: true }).waitFor();
    await app.screenshot('19-panel-duckdb-binning');
    expect(await evaluateHash(page)).toContain('tz=America%2FChicago');
  });
});

function evaluateHash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}
