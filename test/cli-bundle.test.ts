import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../bin/build-cli.js';
import { bundleIsCurrent } from '../bin/bundle-stamps.js';
import { sampleReport } from './fixtures/sample-report';

// The bundle of `npm run build:cli` (bin/build-cli.js) is the same CLI as the sources: the report's
// Svelte components compile into it, and its HTML equals the one rendered through tsx.
describe('buildCli (the prebuilt hexcast command)', () => {
  it('renders the same Markdown and HTML report from the bundle as from the sources', async () => {
    const dir = new URL('./output/cli-bundle/', import.meta.url).pathname;
    mkdirSync(dir, { recursive: true });
    const inputs = await buildCli(`${dir}dist`);
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs).toContain('src/app/report/ReportDocument.svelte');
    // apache-arrow and h3-js are bundled in (their package.json stamps the bundle); tfjs stays a package loaded at run time.
    expect(inputs).toEqual(expect.arrayContaining(['node_modules/apache-arrow/package.json', 'node_modules/h3-js/package.json']));
    expect(inputs.some((file) => file.includes('@tensorflow'))).toBe(false);
    expect(readFileSync(`${dir}dist/main.js`, 'utf8')).not.toMatch(/from "(apache-arrow|h3-js)"/);
    writeFileSync(`${dir}report.json`, JSON.stringify(await sampleReport()));
    const bundled = (await import(pathToFileURL(`${dir}dist/main.js`).href)) as typeof import('../src/cli/main');
    const sources = await import('../src/cli/main');
    expect(await bundled.main(['report', `${dir}report.json`, '--html', `${dir}bundle.html`, '--md', `${dir}bundle.md`])).toBe(0);
    expect(await sources.main(['report', `${dir}report.json`, '--html', `${dir}source.html`, '--md', `${dir}source.md`])).toBe(0);
    const html = readFileSync(`${dir}bundle.html`, 'utf8');
    expect(html).toContain('historic-average');
    expect(html).toBe(readFileSync(`${dir}source.html`, 'utf8'));
    expect(readFileSync(`${dir}bundle.md`, 'utf8').replaceAll('bundle.', 'source.')).toBe(readFileSync(`${dir}source.md`, 'utf8'));
  });

  it('is current only while every source keeps the modification time and size it was built with', () => {
    const dir = new URL('./output/cli-stamps/', import.meta.url).pathname;
    mkdirSync(`${dir}src`, { recursive: true });
    writeFileSync(`${dir}src/a.ts`, 'export const a = 1;\n');
    const a = statSync(`${dir}src/a.ts`);
    writeFileSync(`${dir}inputs.json`, JSON.stringify({ 'src/a.ts': [a.mtimeMs, a.size] }));
    expect(bundleIsCurrent(`${dir}inputs.json`, dir)).toBe(true);
    utimesSync(`${dir}src/a.ts`, a.atime, new Date(a.mtimeMs - 60_000)); // an older checkout or a restored cache: still stale
    expect(bundleIsCurrent(`${dir}inputs.json`, dir)).toBe(false);
    writeFileSync(`${dir}inputs.json`, JSON.stringify({ 'src/gone.ts': [1, 1] }));
    expect(bundleIsCurrent(`${dir}inputs.json`, dir)).toBe(false);
    writeFileSync(`${dir}inputs.json`, JSON.stringify(['src/a.ts'])); // the earlier list format
    expect(bundleIsCurrent(`${dir}inputs.json`, dir)).toBe(false);
  });
});
