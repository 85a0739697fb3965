import { describe, expect, it, vi } from 'vitest';
import { exportWhole, type ExportSpec } from './export-file';

const spec = (produce: ExportSpec['produce']): ExportSpec => ({ what: 'The report (JSON)', name: 'report.json', type: 'application/json', produce });

describe('exportWhole', () => {
  it('saves the whole content once it is produced, with its name and type', async () => {
    const save = vi.fn();
    expect(
      await exportWhole(
        spec(() => '{"a":1}\n'),
        save,
      ),
    ).toBeNull();
    expect(save).toHaveBeenCalledTimes(1);
    const [name, blob] = save.mock.calls[0] as [string, Blob];
    expect([name, blob.type, await blob.text()]).toEqual(['report.json', 'application/json', '{"a":1}\n']);
  });

  it('waits for an asynchronous producer (the worker’s forecasts file) before saving', async () => {
    const save = vi.fn();
    const bytes = Uint8Array.of(1, 2, 3);
    expect(
      await exportWhole(
        spec(() => Promise.resolve(bytes)),
        save,
      ),
    ).toBeNull();
    expect(new Uint8Array(await (save.mock.calls[0][1] as Blob).arrayBuffer())).toEqual(bytes);
  });

  it.each([
    [
      'throws midway',
      () =>
        spec(() =>
          JSON.stringify({
            toJSON: () => {
              throw new Error('cycle in report.models[2]');
            },
          }),
        ),
      'cycle in report.models[2]',
    ],
    ['rejects (the worker died)', () => spec(() => Promise.reject(new Error('the worker stopped'))), 'the worker stopped'],
    ['produces nothing', () => spec(() => ''), 'it came out empty'],
  ])('a producer that %s: nothing is saved, and the message says what and why', async (_, make, reason) => {
    const save = vi.fn();
    expect(await exportWhole(make(), save)).toBe(`The report (JSON) could not be exported: ${reason}. Nothing was downloaded.`);
    expect(save).not.toHaveBeenCalled();
  });
});
