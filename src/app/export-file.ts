import { downloadBlob } from './download';

/** One export: the file's name and MIME type, and the function that produces all of its content. */
export interface ExportSpec {
  /** What is exported, for the message on failure ('The report (HTML)'). */
  readonly what: string;
  readonly name: string;
  readonly type: string;
  readonly produce: () => BlobPart | Promise<BlobPart>;
}

/**
 * Exports a file whole or not at all: `produce` runs to its end (in memory, or in the worker)
 * before `save` (the download) is called, so a failure midway — or an empty result — saves
 * nothing and returns a message saying what failed and that nothing was saved; null when the
 * file was handed to `save` whole.
 * @example await exportWhole({ what: 'The report (JSON)', name: 'r.json', type: 'application/json', produce: () => { throw new Error('x') } })
 *   // → 'The report (JSON) could not be exported: x. Nothing was downloaded.'
 */
export async function exportWhole(spec: ExportSpec, save: (name: string, blob: Blob) => void = downloadBlob): Promise<string | null> {
  let blob: Blob;
  try {
    blob = new Blob([await spec.produce()], { type: spec.type });
    if (blob.size === 0) throw new Error('it came out empty');
  } catch (error) {
    return `${spec.what} could not be exported: ${error instanceof Error ? error.message : String(error)}. Nothing was downloaded.`;
  }
  save(spec.name, blob);
  return null;
}
