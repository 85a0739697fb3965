import { describe, expect, it } from 'vitest';
import { OUTPUT, useApp } from './harness';

const { open } = useApp();

describe('"Check a claim" on the bundled Chicago sample', () => {
  it('goes from the start screen to a checked claim: baselines, hindsight ceiling, verdict and open terms, then lists the forms for a claim it cannot read', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();

    // The start screen's entry runs the default experiment (every baseline) and opens the checker.
    const entry = page.getByRole('button', { name: 'Check a claim on this data →' });
    await expect.poll(() => entry.isEnabled(), { timeout: 60_000 }).toBe(true);
    await entry.click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 180_000 });
    const card = page.locator('#check-a-claim');
    await card.getByRole('heading', { name: 'Check a claim' }).waitFor();

    // Pick the illustrative vendor claim; the source of a picked example is one click away.
    await card.getByRole('combobox', { name: 'Example claims' }).selectOption('illustrative-40-in-3');
    expect(await card.getByRole('textbox', { name: 'Claim' }).inputValue()).toBe('Our AI predicts 40 % of crimes in 3 % of the city');
    await card.getByRole('button', { name: 'Check the claim' }).click();
    await card.locator('#claim-sentence').waitFor({ timeout: 240_000 });

    expect(await card.locator('.badge').textContent()).toBe('undefined');
    const sentence = (await card.locator('#claim-sentence').textContent())!;
    expect(sentence).toBe(
      'The verdict depends on the period length, which the claim leaves open (week: above the hindsight ceiling: impossible on this data; day: beats the best baseline by more than its interval; month: above the hindsight ceiling: impossible on this data).',
    );
    const rows = await card.locator('table.claim-table tbody tr').allTextContents();
    expect(rows.find((r) => r.startsWith('historic-average ★ best'))).toMatch(/11\.8 %/);
    expect(rows.find((r) => r.startsWith('random selection'))).toMatch(/3 %/);
    expect(rows.find((r) => r.startsWith('hindsight ceiling'))).toMatch(/18\.7 %/);
    // The open terms, each re-run: period lengths and cell sizes, and which incidents count.
    const terms = await card.locator('.open-terms > li > strong').allTextContents();
    expect(terms).toEqual(['Over which period length?', 'Over which cells?', 'Which incidents count?']);
    await app.screenshot('40-check-a-claim');
    await card.screenshot({ path: `${OUTPUT}41-check-a-claim-card.png` });

    // Free text that matches no form: the error lists the forms.
    await card.getByRole('textbox', { name: 'Claim' }).fill('our software is great');
    await card.getByRole('button', { name: 'Check the claim' }).click();
    const error = card.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toContain('matches none of the forms the checker reads');
    expect(await error.textContent()).toContain('"under 0.5 % of predictions were followed by a crime"');
  });
});
