import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../io/byte-source';
import { readArrowStream } from '../io/read-arrow-stream';
import { arrowReadFormat, inputFormat, inputFormatOf, type InputFormat } from './input-format';

// The open's format of an input (`inputFormat`) and the Arrow reader's ('file' | 'stream') are
// mapped in one place, both ways: the open's plan, `openStreams` and a streamed file's second
// pass (`loadOpenedStreams`, from its head's format) all use it.
describe('arrowReadFormat and inputFormatOf', () => {
  it('map the open’s formats to the Arrow reader’s and back; another format has no reader format', () => {
    const formats: InputFormat[] = ['arrow-file', 'arrow-stream', 'other'];
    expect(formats.map(arrowReadFormat)).toEqual(['file', 'stream', undefined]);
    expect(formats.map((f) => inputFormatOf(arrowReadFormat(f) ?? null))).toEqual(formats);
    expect(inputFormatOf('csv')).toBe('other');
  });

  it.each(['file', 'stream'] as const)('an IPC %s is read in the format its sniff maps to, and read back as it', async (format) => {
    const bytes = tableToIPC(tableFromArrays({ a: Float64Array.of(1, 2, 3) }), format);
    const sniffed = await inputFormat(bytesSource('a.arrow', bytes));
    const read = await readArrowStream(bytesSource('a.arrow', bytes), { format: arrowReadFormat(sniffed) });
    expect(read.format).toBe(format);
    expect(inputFormatOf(read.format)).toBe(sniffed);
  });
});
