import { constants } from 'node:fs';
import { access, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error';

/** A file to write: where, and its whole content (text, bytes, or bytes piece by piece in order). */
export interface OutputFile {
  readonly path: string;
  readonly data: string | Uint8Array | AsyncIterable<Uint8Array>;
}

/**
 * Checks, before any work is done, that every output can be written: its folder exists and
 * is writable, the path is not a folder, and no two outputs share a path. Throws a
 * UsageError naming the flag and the path, so a long run never ends in a write error.
 * @example await assertWritable([{ flag: '--md', path: 'missing/x.md' }])
 *   // throws "--md missing/x.md: the folder 'missing' does not exist"
 */
export async function assertWritable(outputs: readonly { readonly flag: string; readonly path: string }[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const { flag, path } of outputs) {
    const full = resolve(path);
    const other = seen.get(full);
    if (other) throw new UsageError(`${flag} ${path}: the same file as ${other}; give each output its own path`);
    seen.set(full, flag);
    const folder = dirname(full);
    const folderStat = await stat(folder).catch(() => null);
    if (!folderStat) throw new UsageError(`${flag} ${path}: the folder '${dirname(path)}' does not exist`);
    if (!folderStat.isDirectory()) throw new UsageError(`${flag} ${path}: '${dirname(path)}' is not a folder`);
    if (
      await access(folder, constants.W_OK).then(
        () => false,
        () => true,
      )
    )
      throw new UsageError(`${flag} ${path}: the folder '${dirname(path)}' is not writable`);
    if ((await stat(full).catch(() => null))?.isDirectory()) throw new UsageError(`${flag} ${path}: is a folder, expected a file name`);
  }
}

/**
 * Writes files whole or not at all: each goes first to a temporary file beside its target
 * (same folder, so the rename stays on one file system), and only when all of them are
 * written are they renamed into place. If a write fails, the temporaries are removed and no
 * target is touched; a reader never sees a half-written file.
 * @example await writeAllOrNothing([{ path: 'r.json', data: '{}' }, { path: 'r.md', data: '# r' }])
 */
export async function writeAllOrNothing(files: readonly OutputFile[]): Promise<void> {
  const temporaries = files.map((file, i) => join(dirname(file.path), `.${basename(file.path)}.${process.pid}-${i}.tmp`));
  try {
    for (let i = 0; i < files.length; i++) await writeFile(temporaries[i], files[i].data);
  } catch (error) {
    await Promise.all(temporaries.map((t) => rm(t, { force: true })));
    throw error;
  }
  for (let i = 0; i < files.length; i++) await rename(temporaries[i], files[i].path);
}
