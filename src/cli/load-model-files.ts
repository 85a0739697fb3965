import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../lib/base/hexcast-error';
import type { ModelDefinition } from '../lib/forecast/model-definition';
import { userModels } from '../lib/model-api/user-models';
import { readBytes } from './read-bytes';

/**
 * Loads each `--model-file PATH` (TypeScript or JavaScript; the `hexcast` command runs under tsx,
 * so .ts files need no build) and returns its model definitions, marked as user code with the
 * file's SHA-256. `taken` are the definitions already known (ids must differ). A file that is
 * missing, does not parse or does not evaluate as a module is an InputError ('file-unreadable' or
 * 'model-file') naming it and the loader's first line.
 * @example await loadModelFiles(['examples/same-week-four-year-mean.ts'], ALL_MODELS) // → [{ id: 'same-week-mean', origin: { kind: 'user-code', … } }]
 */
export async function loadModelFiles(paths: readonly string[], taken: readonly ModelDefinition[]): Promise<ModelDefinition[]> {
  const out: ModelDefinition[] = [];
  for (const path of paths) {
    const bytes = await readBytes(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let module: Record<string, unknown>;
    try {
      // The hash in the URL loads this exact content even if a file of that path was imported before.
      module = (await import(`${pathToFileURL(resolve(path)).href}?sha256=${sha256}`)) as Record<string, unknown>;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new InputError(`model file '${path}' cannot be loaded as a JavaScript or TypeScript module: ${reason}`, { code: 'model-file', file: path });
    }
    out.push(...userModels(module, { kind: 'user-code', file: path, sha256 }, [...taken, ...out]));
  }
  return out;
}
