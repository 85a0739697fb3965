/**
 * Writes docs/screenshot-results.png, the README's picture of the Results screen: the bundled
 * Chicago sample, four baselines and the Poisson GLM over 26 weekly folds, laid out on a
 * 1280×800 laptop screen and captured from the top of the page to the start of the capture
 * curves (verdict, both metric tables). Not a test: run it after changing the Results screen,
 *
 *   node bin/run-ts.js test/browser/readme-screenshot.ts
 *
 * It builds the app (HEXCAST_SKIP_BUILD=1 reuses dist/), serves it with `vite preview` and
 * drives Debian's Chromium as the browser tests do.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { launch } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}docs/screenshot-results.png`;
const EXPERIMENT =
  '#v=1&sample=chicago-3-types-2014-2018&res=8&bucket=week&model=naive&model=historic-average&model=shrunk-average&model=kde&model=poisson-glm&folds=26&validation=8';
/** How far below the capture curves' heading the picture ends, in CSS pixels. */
const CURVES_SHOWN = 260;

if (!(process.env.HEXCAST_SKIP_BUILD === '1' && existsSync(`${root}dist/index.html`))) await build({ root, logLevel: 'warn' });
const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error(`vite preview did not report a TCP address: ${String(address)}`);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`http://127.0.0.1:${address.port}/${EXPERIMENT}`);
  await page.getByText('Experiment restored from the link').waitFor();
  await page.getByRole('button', { name: /^Run \(/ }).click();
  await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 300_000 });
  await page.locator('.map svg path[data-i]').first().waitFor();
  // The caret of the focused heading and the hover state of the last click stay out of the picture.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const curves = await page.locator('#capture-title').evaluate((heading) => heading.closest('section')!.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.round(curves + CURVES_SHOWN) } });
  console.log(`wrote ${out} (${Math.round(statSync(out).size / 1024)} kB)`);
} finally {
  await browser.close();
  await server.close();
}
