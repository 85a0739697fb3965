import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../lib/io/input-error';
import { readArrow, type ArrowSource } from '../lib/io/read-arrow';
import { sha256Hex } from '../lib/io/sha256-hex';
import { UsageError } from './usage-error';

/** Files read from disk: their Arrow sources and the SHA-256 of all their bytes, in order. */
export interface ReadFiles {
  readonly sources: ArrowSource[];
  readonly sha256: string;
}

/**
 * Reads Arrow files from paths (file or stream format) and fingerprints them. A missing or
 * unreadable path is an InputError naming it; no path at all is a usage error.
 */
export async function readSources(paths: readonly string[]): Promise<ReadFiles> {
  if (paths.length === 0) throw new UsageError('no input file: give one or more Arrow files');
  const sources: ArrowSource[] = [];
  const bytes: Uint8Array[] = [];
  for (const path of paths) {
    let data: Uint8Array;
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw new InputError(`'${path}' is a directory, not an Arrow file`, { code: 'file-unreadable', file: path });
      data = new Uint8Array(await readFile(path));
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      throw new InputError(`cannot read '${path}': ${why}`, { code: 'file-unreadable', file: path });
    }
    bytes.push(data);
    sources.push(readArrow(data, basename(path)));
  }
  return { sources, sha256: await sha256Hex(bytes) };
}
