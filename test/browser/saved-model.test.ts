/**
 * Train once, test on what came after, in the app alone (bundled Chicago sample): run the Poisson
 * GLM, save it from Results, load the file under Experiment → Saved models, run again and find
 * the frozen model scored next to the GLM refitted at every fold; the user-code note is shown.
 */
import { describe, expect, it } from 'vitest';
import { download, metricNumbers, useApp } from './harness';

const { open } = useApp();

describe('Saved models', () => {
  it('saves the GLM after a run, loads it as a frozen model and scores it in the next run', async () => {
    const app = await open('#v=1&sample=chicago-3-types-2014-2018&res=7&bucket=month&model=naive&model=poisson-glm&folds=4&validation=4&coverage=0.05');
    const { page } = app;
    await page.getByText('Experiment restored from the link').waitFor();
    await page.getByRole('button', { name: /^Run \(/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    const bytes = await download(page, 'Save model poisson-glm');
    const saved = JSON.parse(bytes.toString('utf8'));
    expect(saved).toMatchObject({ format: 'hexcast-saved-model', version: 1, res: 7, model: { id: 'poisson-glm' } });

    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Experiment/ })
      .click();
    await page.getByTestId('own-model-note').getByText('hexcast backtest … --model-file my-model.ts').waitFor();
    await page.getByTestId('frozen-file').setInputFiles({ name: 'glm.json', mimeType: 'application/json', buffer: bytes });
    await page.getByTestId('frozen-info').getByText('frozen-poisson-glm · glm.json · poisson-glm trained on', { exact: false }).waitFor();
    await app.screenshot('40-saved-model-loaded');

    await page.getByRole('button', { name: /^Run \d+ models? × 4 folds$/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    const rows = (await metricNumbers(page)).filter((r) => r[0].startsWith('frozen-poisson-glm(until '));
    expect(rows).toHaveLength(2); // hotspot and count tables
    for (const value of rows[1].slice(1)) expect(value).toMatch(/\d/);
    await app.screenshot('41-saved-model-results');
  });
});
