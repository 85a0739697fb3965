import { readBytes } from './read-bytes';

/**
 * A text file's contents (UTF-8); a missing or unreadable file is an InputError naming it ('file-unreadable').
 * @example await readTextFile('region.geojson') // → '{"type": …'
 */
export async function readTextFile(path: string): Promise<string> {
  return new TextDecoder().decode(await readBytes(path));
}
