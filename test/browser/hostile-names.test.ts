/**
 * Names are untrusted: an Arrow file whose file name, column names and category values carry
 * markup and script (tags with handlers, <script>, javascript: URLs, quote characters that break
 * attributes, a right-to-left override) is loaded, binned, run to results and exported in every
 * report format; the exported HTML report is opened too. Nothing may execute (each payload
 * would set window.__pwned or open a dialog), the payloads must show as text, and the
 * harness's after-each check fails on any CSP violation (an injected inline handler would be one).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Dictionary, Int32, Table, Utf8, tableFromIPC, type Vector } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPORT_CSP } from '../../src/app/report/standalone-html';
import { arrowTableBytes, vectorOfValues } from '../../src/lib/io/arrow-table-bytes';
import { OUTPUT, download, evaluate, useApp } from './harness';

const SAMPLE = new URL('../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url);
const FILE_NAME = `"><img src=x onerror="window.__pwned='file'">'.arrow`;
const COLUMNS = {
  time: `occurred_at"><img src=x onerror=alert('time')>`,
  category: `primary_type' onmouseover='window.__pwned=1' x='<script>alert("category")</script>`,
  lat: 'latitude<script>window.__pwned="lat"</script>',
  lng: 'longitude[x](javascript:alert(1))',
};
const CATEGORIES: Readonly<Record<string, string>> = {
  ROBBERY: `"><img src=x onerror="alert('robbery')">`,
  BURGLARY: `<script>window.__pwned='burglary'</script>`,
  'MOTOR VEHICLE THEFT': `javascript:alert('mvt')//' onclick='alert(1)' \u202Eexe.arrow`,
};

/** The Chicago sample with hostile column names and category values (same rows and values otherwise). */
function hostileArrow(): Buffer {
  const sample = tableFromIPC(readFileSync(SAMPLE));
  const category = sample.getChild('primary_type')!;
  const names = Array.from({ length: sample.numRows }, (_, i) => {
    const value = category.get(i) as string | null;
    return value === null ? '' : (CATEGORIES[value] ?? value);
  });
  expect(new Set(names)).toEqual(new Set(Object.values(CATEGORIES)));
  const columns: Record<string, Vector> = {
    [COLUMNS.time]: sample.getChild('occurred_at')!,
    [COLUMNS.category]: vectorOfValues(names, new Dictionary(new Utf8(), new Int32())),
    [COLUMNS.lat]: sample.getChild('latitude')!,
    [COLUMNS.lng]: sample.getChild('longitude')!,
  };
  expect(new Table(columns).numRows).toBe(168_152);
  return Buffer.from(arrowTableBytes(columns));
}

const pwned = (page: Page): Promise<unknown> => evaluate(page, () => (window as unknown as { __pwned?: unknown }).__pwned);

/** Elements with an event-handler attribute or a javascript: URL in a URL attribute (a title may say anything), as 'tag attribute' (none of Hexcast's own markup has one). */
const handlers = (page: Page): Promise<string[]> =>
  evaluate(page, () =>
    Array.from(document.querySelectorAll('*')).flatMap((element) =>
      Array.from(element.attributes)
        .filter((a) => /^on/i.test(a.name) || (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)))
        .map((a) => `${element.tagName} ${a.name}`),
    ),
  );

const { open } = useApp();

describe('a file whose names carry markup and script', () => {
  it('shows every name as text through load, binning, results and every export, and nothing runs — in the app or the exported HTML report', async () => {
    const app = await open();
    const { page } = app;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor(); // the default sample
    await page.locator('input[type=file]').setInputFiles({ name: FILE_NAME, mimeType: 'application/octet-stream', buffer: hostileArrow() });
    // The names show as text: the file, the columns in the mapping form, the categories in the summary.
    await page.getByText(CATEGORIES.BURGLARY, { exact: true }).first().waitFor();
    await page.getByText(CATEGORIES.ROBBERY, { exact: true }).first().waitFor();
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    for (const column of Object.values(COLUMNS)) expect(await page.locator('option').filter({ hasText: column }).count(), column).toBeGreaterThan(0);
    expect(await page.getByText(FILE_NAME).count()).toBeGreaterThan(0);
    expect(await page.locator('img').count(), 'no <img> element came from a name').toBe(0);
    expect(await handlers(page)).toEqual([]);
    await app.screenshot('40-hostile-names-data');

    await page.getByRole('button', { name: 'Next: binning →' }).click();
    await page.locator('.map svg path[data-i]').first().waitFor();
    await page.getByRole('button', { name: 'Next: experiment →' }).click();
    await page.getByRole('button', { name: /^Run \d+ models? × \d+ folds$/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    await page.locator('table.hx-table').first().waitFor();
    await app.screenshot('41-hostile-names-results');
    expect(await handlers(page)).toEqual([]);

    const report = JSON.parse((await download(page, 'Report (JSON)')).toString('utf8'));
    expect(report.data.files[0].name).toBe(FILE_NAME);
    const markdown = (await download(page, 'Report (Markdown)')).toString('utf8');
    expect(markdown).toContain(`on "\\>\\<img src=x onerror="window.\\_\\_pwned='file'"\\>'.arrow:`);
    expect(markdown).not.toMatch(/(?<!\\)<(img|script)/);
    const svg = (await download(page, /as SVG$/)).toString('utf8');
    expect(svg).not.toMatch(/<(img|script)|\son\w+=/i);
    const html = (await download(page, 'Report (HTML)')).toString('utf8');
    expect(html.match(/<script/g)).toHaveLength(1); // the inert report JSON
    expect(html).not.toMatch(/<img/i); // the payloads are there, as escaped text (an on…= inside text is no attribute)
    expect(await pwned(page)).toBeUndefined();

    // The exported report, opened as a user would: its own CSP, the names as text, nothing run.
    mkdirSync(OUTPUT, { recursive: true });
    const path = `${OUTPUT}hostile-names-report.html`;
    writeFileSync(path, html);
    const reportContext = await page.context().browser()!.newContext(); // its own: the app's request check covers the app's origin only
    const reportPage = await reportContext.newPage();
    const reportRequests: string[] = [];
    reportPage.on('request', (request) => reportRequests.push(request.url()));
    reportPage.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await reportPage.goto(`file://${path}`);
    expect(await reportPage.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(REPORT_CSP);
    expect(await reportPage.locator('.hx-sub').textContent()).toContain(FILE_NAME);
    expect(await reportPage.locator('img').count()).toBe(0);
    expect(await handlers(reportPage)).toEqual([]);
    expect(await pwned(reportPage)).toBeUndefined();
    // The policy is enforced: a script added to the page does not run.
    await evaluate(reportPage, () => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.head.append(script);
    });
    expect(await pwned(reportPage)).toBeUndefined();
    await reportPage.screenshot({ path: `${OUTPUT}42-hostile-names-report.png` });
    await reportContext.close();
    expect(reportRequests, 'the report loads nothing but itself').toEqual([`file://${path}`]);

    expect(dialogs, 'dialogs opened').toEqual([]);
    expect(await pwned(page)).toBeUndefined();
  });
});
