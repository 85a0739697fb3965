import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertWritable, writeAllOrNothing } from './write-all-or-nothing';

const dir = mkdtempSync(join(tmpdir(), 'hexcast-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAllOrNothing', () => {
  it('writes every file whole, replacing older ones, and leaves no temporary behind', async () => {
    writeFileSync(join(dir, 'a.json'), 'old');
    await writeAllOrNothing([
      { path: join(dir, 'a.json'), data: '{"new":1}' },
      { path: join(dir, 'b.bin'), data: Uint8Array.of(1, 2) },
    ]);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"new":1}');
    expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([1, 2]);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.bin']);
  });

  it('when one file cannot be written, touches none: the older file stays, the new one does not appear', async () => {
    const sub = mkdtempSync(join(dir, 'fail-'));
    writeFileSync(join(sub, 'r.json'), 'old');
    await expect(
      writeAllOrNothing([
        { path: join(sub, 'r.json'), data: 'new' },
        { path: join(sub, 'f.arrow'), data: 'forecasts' },
        { path: join(sub, 'gone', 'r.md'), data: '# r' },
      ]),
    ).rejects.toThrow(/ENOENT/);
    expect(readFileSync(join(sub, 'r.json'), 'utf8')).toBe('old');
    expect(existsSync(join(sub, 'f.arrow'))).toBe(false);
    expect(readdirSync(sub)).toEqual(['r.json']);
  });
});

describe('assertWritable', () => {
  it('names the flag, the path and the problem', async () => {
    await expect(assertWritable([{ flag: '--md', path: join(dir, 'missing', 'x.md') }])).rejects.toThrow(
      `--md ${join(dir, 'missing', 'x.md')}: the folder '${join(dir, 'missing')}' does not exist`,
    );
    await expect(assertWritable([{ flag: '--out', path: dir }])).rejects.toThrow(`--out ${dir}: is a folder, expected a file name`);
    await expect(
      assertWritable([
        { flag: '--out', path: join(dir, 'r.json') },
        { flag: '--html', path: join(dir, 'r.json') },
      ]),
    ).rejects.toThrow('the same file as --out');
    await expect(assertWritable([{ flag: '--out', path: join(dir, 'r.json') }])).resolves.toBeUndefined();
  });
});
