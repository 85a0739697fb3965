import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../lib/io/input-error';
import { openFiles, type NamedBytes, type Opened } from '../lib/pipeline/load';
import { UsageError } from './usage-error';

/**
 * Reads incident or panel files from paths and opens them with the pipeline's `openFiles` (Arrow
 * file or stream, CSV, gzip, GeoJSON points: told apart by their bytes; fingerprints). A missing or unreadable path is an InputError naming it; no path at
 * all is a usage error.
 */
export async function readSources(paths: readonly string[]): Promise<Opened> {
  if (paths.length === 0) throw new UsageError('no input file: give one or more Arrow, CSV or GeoJSON files');
  const files: NamedBytes[] = [];
  for (const path of paths) {
    let data: Uint8Array;
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw new InputError(`'${path}' is a directory, not a data file`, { code: 'file-unreadable', file: path });
      data = new Uint8Array(await readFile(path));
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      throw new InputError(`cannot read '${path}': ${why}`, { code: 'file-unreadable', file: path });
    }
    files.push({ name: basename(path), bytes: data });
  }
  return openFiles(files);
}
