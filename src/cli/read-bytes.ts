import { readFile } from 'node:fs/promises';
import { InputError } from '../lib/io/input-error';

/**
 * A file's bytes; a missing or unreadable file is an InputError naming it ('file-unreadable').
 * @example await readBytes('model.json') // → Uint8Array [123, …]
 */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new InputError(`cannot read '${path}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {
      code: 'file-unreadable',
      file: path,
    });
  }
}
