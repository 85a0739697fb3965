import { readFile } from 'node:fs/promises';
import { InputError } from '../lib/io/input-error';

/** A text file's contents; a missing or unreadable file is an InputError naming it. */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read '${path}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {
      code: 'file-unreadable',
      file: path,
    });
  }
}
