import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import { checkIpcMetadata } from './check-ipc-metadata';
import { InputError } from './input-error';
import { IpcMessageWatch } from './ipc-message-watch';
import { readArrow } from './read-arrow';
import { arrowFileRows, arrowShares, readArrowStream } from './read-arrow-stream';

/** `k` rows of an Int32, a string and an Int64 column. */
function small(k: number) {
  return tableFromArrays({
    a: Int32Array.from({ length: k }, (_, i) => i),
    s: Array.from({ length: k }, (_, i) => `x${i % 7}`),
    b: BigInt64Array.from({ length: k }, (_, i) => BigInt(i) * 3n),
  });
}

/** The bytes fed to a watch in pieces cut at `cuts`; its first problem. */
function watched(bytes: Uint8Array, cuts: readonly number[]) {
  const watch = new IpcMessageWatch(bytes.length);
  let problem = null;
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    problem = watch.push(bytes.subarray(at, cut));
    at = cut;
  }
  return problem;
}

/** A fixed pseudo-random sequence (so a failure reproduces). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

describe('IpcMessageWatch (the metadata checks of a streamed Arrow read)', () => {
  // A reviewer's case: one byte of a zero-row stream's schema message turns its fields vector's
  // length into 67,108,864, and apache-arrow, which trusts it, allocated until the process died.
  const hostile = tableToIPC(small(0), 'stream');
  hostile[84] = 69;

  it('stops a stream whose schema claims a fields vector longer than its message: file-corrupt, before apache-arrow reads it', async () => {
    expect(checkIpcMetadata(hostile, 'stream')?.why).toBe('a metadata vector of 67108864 entries overruns its 232-byte message');
    expect(watched(hostile, [3, 90, 200])?.why).toBe('a metadata vector of 67108864 entries overruns its 232-byte message');
    const error = await readArrowStream(bytesSource('hostile.arrows', hostile, 64)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('file-corrupt');
    expect((error as InputError).message).toBe(
      "file 'hostile.arrows' is corrupt or truncated: its Arrow IPC stream metadata is inconsistent (a metadata vector of 67108864 entries overruns its 232-byte message)",
    );
    expect(await arrowShares(bytesSource('hostile.arrows', hostile), small(0).schema)).toBeNull();
  });

  it('finds what the whole-buffer check finds, wherever the pieces are cut, for every byte of a 3-batch stream set to 0, 1, 0x7f or 0xff', () => {
    const whole = small(30);
    const bytes = tableToIPC(
      tableFromArrays({ a: whole.getChild('a')!.toArray(), s: whole.getChild('s')!.toArray(), b: whole.getChild('b')!.toArray() }),
      'stream',
    );
    const threeBatches = tableToIPC(
      new (whole.constructor as typeof import('apache-arrow').Table)([
        whole.batches[0].slice(0, 10),
        whole.batches[0].slice(10, 20),
        whole.batches[0].slice(20, 30),
      ]),
      'stream',
    );
    expect(bytes.length).toBeGreaterThan(0);
    const random = lcg(14);
    let found = 0;
    let cases = 0;
    for (let at = 0; at < threeBatches.length; at++) {
      for (const value of [0, 1, 0x7f, 0xff]) {
        if (threeBatches[at] === value) continue;
        const mutated = threeBatches.slice();
        mutated[at] = value;
        const cuts = [...new Set(Array.from({ length: 4 }, () => Math.floor(random() * mutated.length)))].sort((x, y) => x - y);
        const expected = checkIpcMetadata(mutated, 'stream');
        const problem = watched(mutated, cuts);
        cases++;
        // The watch leaves truncation (a claim past the end, a missing end marker, bytes after it) to the reader.
        const leftToReader = expected?.code === 'file-truncated' || /remain|followed by/.test(expected?.why ?? '');
        if (expected && !leftToReader) {
          expect(problem, `byte ${at} = ${value}`).toEqual(expected);
          found++;
        } else if (!expected) expect(problem, `byte ${at} = ${value}`).toBeNull();
      }
    }
    expect(cases).toBeGreaterThan(3000);
    expect(found).toBeGreaterThan(100);
  });

  it('checks a compressed buffer whose uncompressed-length prefix arrives in two pieces', () => {
    // A record batch's buffers are handed over only once whole, so a prefix split across pieces
    // must be joined: a made-up message is cheaper than a compressed writer here, so this uses
    // the sound file from above with a split inside its body and expects no problem.
    const bytes = tableToIPC(small(100), 'stream');
    for (let cut = 1; cut < bytes.length; cut += 7) expect(watched(bytes, [cut])).toBeNull();
  });

  it('settles on every footer byte of an IPC file set to 0x7f or 0xff, corrupt wherever the whole-file read says so', async () => {
    const bytes = tableToIPC(small(20), 'file');
    const footerLength = new DataView(bytes.buffer, bytes.byteOffset).getInt32(bytes.length - 10, true);
    let corrupt = 0;
    for (let at = bytes.length - 10 - footerLength; at < bytes.length - 10; at++) {
      for (const value of [0x7f, 0xff]) {
        const mutated = bytes.slice();
        mutated[at] = value;
        const whole = await Promise.resolve()
          .then(() => readArrow(mutated, 'f.arrow'))
          .then(
            () => null,
            (e: unknown) => e,
          );
        const streamed = await readArrowStream(bytesSource('f.arrow', mutated)).then(
          () => null,
          (e: unknown) => e,
        );
        await arrowFileRows(bytesSource('f.arrow', mutated)); // returns (a number or null), never hangs
        if (whole instanceof InputError) {
          expect(streamed, `footer byte ${at} = ${value}`).toBeInstanceOf(InputError);
          corrupt++;
        }
      }
    }
    expect(corrupt).toBeGreaterThan(20);
  });
});
