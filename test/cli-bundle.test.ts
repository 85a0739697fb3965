import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../bin/build-cli.js';
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
});
