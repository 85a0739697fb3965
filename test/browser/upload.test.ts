import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA, metricNumbers, useApp, type Watched } from './harness';

const PORTLAND = `${SHARED_DATA}portland-nij-burglary-vehicle-2012-2017.arrow`;
const CHICAGO_SAMPLE = new URL('../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url).pathname;
/** East Portland and beyond, as a GeoJSON Feature with a counter-clockwise ring (RFC 7946). */
const BOUNDARY = {
  name: 'east-portland.geojson',
  mimeType: 'application/geo+json',
  buffer: Buffer.from(
    JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-122.7, 45.5],
            [-122.5, 45.5],
            [-122.5, 45.62],
            [-122.7, 45.62],
            [-122.7, 45.5],
          ],
        ],
      },
    }),
  ),
};
const { open: openPage } = useApp();

async function open(hash = ''): Promise<Watched> {
  const app = await openPage(hash);
  if (!hash) await app.page.getByRole('navigation').getByText('167,804 incidents').waitFor(); // the default sample is open
  return app;
}

const fileInput = (page: Page) => page.locator('input[type=file]');
const nav = (page: Page) => page.getByRole('navigation');

async function setCrs(page: Page, crs: string): Promise<void> {
  const input = page.locator('#map-crs');
  await input.fill(crs);
  await input.press('Enter');
}

describe('uploading the Portland file (EPSG:2913 feet)', () => {
  it('asks for a CRS, shows a wrong one next to its control, changes the mapping, and runs baselines and a small MLP on WASM', async () => {
    const app = await open();
    const { page } = app;
    await fileInput(page).setInputFiles(PORTLAND);
    await page.getByText(/Still needed: a CRS for 'x_coordinate'\/'y_coordinate'/).waitFor();
    expect(await page.getByRole('button', { name: 'Projected x / y' }).getAttribute('aria-pressed')).toBe('true');

    await setCrs(page, 'EPSG:9999');
    await page
      .locator('#map-crs-error')
      .getByText(/unknown CRS 'EPSG:9999'/)
      .waitFor();
    expect(await page.getByLabel('CRS (EPSG code, name, proj4 or WKT)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#map-crs').getAttribute('aria-describedby')).toBe('map-crs-error');
    await app.screenshot('07-upload-crs-error');

    // Search the EPSG registry (a lazily loaded chunk) by name, and pick the code from the list.
    await page.locator('#map-crs').fill('Oregon North ft');
    await page.getByRole('button', { name: /^EPSG:2913\s*NAD83\(HARN\) \/ Oregon North \(ft\)/ }).click();
    expect(await page.locator('#map-crs').inputValue()).toBe('EPSG:2913');
    await nav(page).getByText('15,206 incidents').waitFor();
    await page.locator('.facts').getByText('2012-03-01 00:00 – 2017-05-31 00:00').waitFor();

    // Change the mapping: a category column cannot serve as the time; the error sits under the time control.
    await page.locator('#map-time').selectOption('category');
    await page.locator('#map-time-error').waitFor();
    await page.locator('#map-time').selectOption('occ_date');
    await nav(page).getByText('15,206 incidents').waitFor();
    await page.locator('#map-category').selectOption('');
    await page.getByText('Categories (0, 15,206 without)').waitFor();
    await page.locator('#map-category').selectOption('category');
    await page.getByText('Categories (2)').waitFor();
    await app.screenshot('08-upload-mapped');

    await nav(page)
      .getByRole('button', { name: /Binning/ })
      .click();
    await page.getByLabel('H3 resolution').selectOption('7');
    await page.getByLabel('Time bucket').selectOption('month');
    await page
      .getByText(/^\d+ cells$/)
      .first()
      .waitFor();
    await page.getByText('63 months', { exact: true }).waitFor();
    await page.locator('#bin-boundary').setInputFiles(BOUNDARY);
    await page.getByText(/^Study region: the \d+ cells inside east-portland\.geojson \(dashed outline\)\.$/).waitFor();
    expect(await page.locator('.map svg path[stroke-dasharray="5 3"]').count()).toBe(1);
    await app.screenshot('09-upload-binning');

    await page.getByRole('button', { name: 'Next: experiment →' }).click();
    for (const model of [
      'Seasonal naive',
      'Window average',
      'Shrunk historic average',
      'Exponentially weighted average',
      'Spatial KDE (retrospective hotspots)',
      'Prospective hotspots',
    ]) {
      await page.getByRole('checkbox', { name: new RegExp(`^${model.replace(/[()]/g, '\\$&')}`) }).uncheck();
    }
    await page.getByRole('checkbox', { name: /^Multilayer perceptron/ }).check();
    for (const [name, value] of [
      ['Epochs (most)', '3'],
      ['Hidden units', '8'],
      ['Targets per epoch', '2048'],
    ] as const) {
      const input = page.locator(`#param-mlp-${{ 'Epochs (most)': 'epochs', 'Hidden units': 'hidden', 'Targets per epoch': 'samplesPerEpoch' }[name]}`);
      await input.fill(value);
      await input.press('Tab');
    }
    for (const [label, value] of [
      ['Folds', '3'],
      ['Validation', '4'],
    ] as const) {
      const input = page.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Tab');
    }
    await page.getByRole('button', { name: 'Run 3 models × 3 folds' }).waitFor();
    await app.screenshot('10-upload-experiment');
    await page.getByRole('button', { name: 'Run 3 models × 3 folds' }).click();
    await page.getByRole('heading', { name: 'Training curves by fold' }).waitFor({ timeout: 120_000 });
    await app.screenshot('11-upload-training');
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    const numbers = await metricNumbers(page);
    expect(numbers.map((r) => r[0].split(/\s/)[0])).toEqual(
      [
        'naive',
        'historic-average',
        'mlp(hidden=8,epochs=3,samplesPerEpoch=2048)',
        'naive',
        'historic-average',
        'mlp(hidden=8,epochs=3,samplesPerEpoch=2048)',
      ].map((n) => n.split(/\s/)[0]),
    );
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report (JSON)' }).click()]);
    const report = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(report.environment.backend).toBe('wasm');
    expect(report.panel.studyRegion.source).toBe('boundary');
    expect(report.data.mapping.location).toEqual({ kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' });
    const mlp = report.models.find((m: { kind: string }) => m.kind === 'learned');
    expect(mlp.training.filter(Boolean)).toHaveLength(3);
    expect(mlp.training[0].backend).toBe('wasm');
    await app.screenshot('12-upload-results');

    // The link names the file by SHA-256: another file is refused, the same file restores the numbers.
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/file=portland-nij-burglary-vehicle-2012-2017\.arrow%40[0-9a-f]{64}/);
    expect(hash).toMatch(/boundary=east-portland\.geojson%40[0-9a-f]{64}/);
    const again = await open(hash);
    await again.page.getByText(/This link was made with portland-nij-burglary-vehicle-2012-2017\.arrow/).waitFor();
    await fileInput(again.page).setInputFiles(CHICAGO_SAMPLE);
    await again.page
      .locator('#open-error')
      .getByText(/These are not the files the link was made with/)
      .waitFor();
    await fileInput(again.page).setInputFiles(PORTLAND);
    await again.page
      .getByText(/^Files verified\. It used the boundary east-portland\.geojson as its study region: load that file in the Binning step first\./)
      .waitFor();
    await nav(again.page)
      .getByRole('button', { name: /Binning/ })
      .click();
    await again.page.locator('#bin-boundary').setInputFiles(BOUNDARY);
    await again.page.getByText(/^Study region: the \d+ cells inside east-portland\.geojson/).waitFor();
    await nav(again.page).getByRole('button', { name: /Run/ }).click();
    await again.page.getByRole('button', { name: /^Run \(/ }).click();
    await again.page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    expect(await metricNumbers(again.page)).toEqual(numbers);
  });

  it('opens a file dropped onto the drop zone', async () => {
    const { page } = await open();
    const drop = await page.evaluateHandle(async () => {
      const bytes = await (await fetch('/samples/portland-nij-burglary-vehicle-2012-2017.arrow')).arrayBuffer();
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'dropped-portland.arrow'));
      return transfer;
    });
    await page.getByRole('group', { name: 'Drop incident files here' }).dispatchEvent('drop', { dataTransfer: drop });
    await page.getByRole('cell', { name: 'dropped-portland.arrow' }).waitFor();
    await page.getByText(/Still needed: a CRS for 'x_coordinate'\/'y_coordinate'/).waitFor();
  });

  it('opens LZ4- and ZSTD-compressed Arrow files (as pyarrow writes Feather) together as one dataset', async () => {
    const app = await open();
    const { page } = app;
    const compressed = (name: string): string => new URL(`../fixtures/io/compressed/${name}`, import.meta.url).pathname;
    await fileInput(page).setInputFiles([compressed('chicago-3000-lz4.arrow'), compressed('chicago-3000-zstd.arrow')]);
    // 3,000 rows each, of which 2,988 have a location.
    await nav(page).getByText('5,976 incidents').waitFor();
    await page.getByRole('cell', { name: 'chicago-3000-zstd.arrow' }).waitFor();
  });

  it('shows what is wrong with a file in no format Hexcast reads, next to the file input', async () => {
    const app = await open();
    const { page } = app;
    await fileInput(page).setInputFiles({
      name: 'incidents.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), // CSV opens since #14; a workbook does not
    });
    const error = page.locator('#open-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^file 'incidents\.xlsx' is a zip archive \(or an Excel \.xlsx workbook\), not Apache Arrow/);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.locator('input[type=file]').getAttribute('aria-describedby')).toBe('open-error');
    // The data open before stays open and usable.
    await nav(page).getByText('167,804 incidents').waitFor();
    expect(await page.getByRole('button', { name: 'Next: binning →' }).isEnabled()).toBe(true);
    await app.screenshot('13-bad-file');
  });
});
