import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { download, evaluate, useApp, sampleToExperiment } from './harness';

const { open } = useApp();

const BUILT = 'ul[aria-label="Built models in this experiment"] code';

/** Sets a builder control and leaves it, so its change event fires. */
async function set(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).fill(value);
  await page.locator(`#${id}`).press('Tab');
}

const feature = (page: Page, label: string) => page.locator('fieldset.features li', { hasText: label });

describe('the model builder on the bundled Chicago sample', () => {
  it('builds two models, runs them with the baselines, shows both in the results and the report, and the link rebuilds them', async () => {
    const app = await open();
    const { page } = app;
    await sampleToExperiment(page);
    await page.getByRole('heading', { name: 'Build a model' }).waitFor();
    // the preview: one sparkline per column of the default features, on the busiest cell
    await page.locator('.spark path').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('select[aria-label="Preview cell"] option').count()).toBe(8);
    expect(await feature(page, 'Holidays').locator('input[type=checkbox]').isDisabled()).toBe(true);

    // Model 1: a GLM on four own lags, day of week and the neighbours out to ring 3
    await set(page, 'build-name', 'glm-lags');
    await feature(page, 'Own lags').locator('input[type=number]').fill('4');
    await feature(page, 'Own lags').locator('input[type=number]').press('Tab');
    await feature(page, 'Neighbours').locator('input[type=number]').fill('3');
    await feature(page, 'Neighbours').locator('input[type=number]').press('Tab');
    await feature(page, 'Day of week').locator('input[type=checkbox]').check();
    await page.locator('.spark[title="dow-mon"]').waitFor();
    expect(await page.locator('.spark[title="ring3-lag1"]').count()).toBe(1);
    await app.screenshot('50-builder-glm');
    await page.getByRole('button', { name: 'Add to the experiment' }).click();

    // Model 2: a small MLP on the default features plus an EWMA, two epochs
    await set(page, 'build-name', 'tiny-mlp');
    await page.locator('#build-arch').selectOption('mlp');
    await feature(page, 'Own lags').locator('input[type=number]').fill('3');
    await feature(page, 'Own lags').locator('input[type=number]').press('Tab');
    await feature(page, 'Neighbours').locator('input[type=number]').fill('2');
    await feature(page, 'Neighbours').locator('input[type=number]').press('Tab');
    await feature(page, 'Day of week').locator('input[type=checkbox]').uncheck();
    await feature(page, 'EWMA').locator('input[type=checkbox]').check();
    await set(page, 'build-units', '8');
    await set(page, 'build-epochs', '2');
    await set(page, 'build-samplesPerEpoch', '4096');
    await page.getByRole('button', { name: 'Add to the experiment' }).click();
    const specs = await page.locator(BUILT).allTextContents();
    expect(specs).toEqual([
      'build:name=glm-lags:features=lag1-4+seasonal+mean+ring1-3+rate+area+cal+dow',
      'build:name=tiny-mlp:arch=mlp:features=default+ewma0.3:units=8:epochs=2:samplesPerEpoch=4096',
    ]);
    await app.screenshot('51-builder-two-models');

    await set(page, 'protocol-folds', '2');
    await page.getByRole('button', { name: /^Run \d+ models × 2 folds$/ }).click();
    await page
      .getByTestId('run-backend')
      .getByText(/TensorFlow\.js backend: \w+/)
      .waitFor({ timeout: 120_000 });
    await app.screenshot('52-builder-running');
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 300_000 });
    await page.getByText('glm-lags', { exact: true }).first().waitFor();
    await page.getByText('tiny-mlp', { exact: true }).first().waitFor();
    await app.screenshot('53-builder-results');

    const html = (await download(page, 'Report (HTML)')).toString('utf8');
    expect(html).toContain('Inside the built models');
    expect(html).toContain('glm-lags, last fit (fold 2): GLM coefficients');
    expect(html).toContain('tiny-mlp, last fit (fold 2): permutation importance');
    expect(html).toContain(specs[0]);

    // The link, opened in a fresh page, rebuilds the same two models
    const hash = await evaluate(page, () => location.hash);
    const again = await open(hash);
    await again.page.getByRole('navigation').getByText('167,804 incidents').waitFor({ timeout: 60_000 });
    await again.page
      .getByRole('navigation', { name: 'Workbench steps' })
      .getByRole('button', { name: /Experiment/ })
      .click();
    await again.page.locator(BUILT).first().waitFor();
    expect(await again.page.locator(BUILT).allTextContents()).toEqual(specs);
    await again.screenshot('54-builder-from-link');
    expect([app.offOrigin, app.pageErrors, again.offOrigin, again.pageErrors]).toEqual([[], [], [], []]);
  }, 600_000);
});
