import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
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
    // Built into a folder named dist-cli with bin/bin-thread.js beside it, as in the project, so its binning thread starts from the bundle.
    const inputs = await buildCli(`${dir}dist-cli`);
    mkdirSync(`${dir}bin`, { recursive: true });
    copyFileSync(new URL('../bin/bin-thread.js', import.meta.url), `${dir}bin/bin-thread.js`);
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs).toContain('src/app/report/ReportDocument.svelte');
    // apache-arrow and h3-js are bundled in (their package.json stamps the bundle); tfjs stays a package loaded at run time.
    expect(inputs).toEqual(expect.arrayContaining(['node_modules/apache-arrow/package.json', 'node_modules/h3-js/package.json']));
    expect(inputs.some((file) => file.includes('@tensorflow'))).toBe(false);
    // Every command is its own chunk now (main.js imports each when it runs): no file of the bundle may import them from node_modules.
    const files = readdirSync(`${dir}dist-cli`).filter((name) => name.endsWith('.js'));
    expect(files.some((name) => name.startsWith('bin-command'))).toBe(true);
    for (const name of files) expect(readFileSync(`${dir}dist-cli/${name}`, 'utf8')).not.toMatch(/from "(apache-arrow|h3-js|proj4|d3-[a-z]+)"/);
    writeFileSync(`${dir}report.json`, JSON.stringify(await sampleReport()));
    const bundled = (await import(pathToFileURL(`${dir}dist-cli/main.js`).href)) as typeof import('../src/cli/main');
    const sources = await import('../src/cli/main');
    expect(await bundled.main(['report', `${dir}report.json`, '--html', `${dir}bundle.html`, '--md', `${dir}bundle.md`])).toBe(0);
    expect(await sources.main(['report', `${dir}report.json`, '--html', `${dir}source.html`, '--md', `${dir}source.md`])).toBe(0);
    const html = readFileSync(`${dir}bundle.html`, 'utf8');
    expect(html).toContain('historic-average');
    expect(html).toBe(readFileSync(`${dir}source.html`, 'utf8'));
    expect(readFileSync(`${dir}bundle.md`, 'utf8').replaceAll('bundle.', 'source.')).toBe(readFileSync(`${dir}source.md`, 'utf8'));
    // hexcast bin on Chicago (69 MB: a binning thread, which also fingerprints the file) from the bundle writes the sources' panel, byte for byte.
    const chicago = new URL('../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url).pathname;
    const flags = '--time occurred_at --lat latitude --lng longitude --res 8 --bucket week --quiet'.split(' ');
    const bin = (out: string): string[] => ['bin', chicago, ...flags, '--out', out];
    expect(await bundled.main(bin(`${dir}bundle.arrow`))).toBe(0);
    expect(await sources.main(bin(`${dir}source.arrow`))).toBe(0);
    expect(readFileSync(`${dir}bundle.arrow`).equals(readFileSync(`${dir}source.arrow`))).toBe(true);
    const origin = JSON.parse(tableFromIPC(readFileSync(`${dir}bundle.arrow`)).schema.metadata.get('hexcast.origin')!) as { sha256: string };
    expect(origin.sha256).toBe(createHash('sha256').update(readFileSync(chicago)).digest('hex'));
  }, 180_000);

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
