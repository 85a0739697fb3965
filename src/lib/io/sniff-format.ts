/** What the first bytes of a file say it is. */
export type SniffedFormat =
  | 'empty'
  | 'arrow-file'
  | 'arrow-stream'
  | 'parquet'
  | 'feather-v1'
  | 'orc'
  | 'avro'
  | 'sqlite'
  | 'gzip'
  | 'zip'
  | 'json'
  | 'markup'
  | 'csv'
  | 'text'
  | 'unknown';

/** The sniffed format and a phrase for error messages ("a Parquet file", "CSV text (first line: 'a,b')"). */
export interface Sniffed {
  readonly format: SniffedFormat;
  readonly description: string;
}

/** The 6-byte magic that opens and closes an Arrow IPC file ("ARROW1"). */
export const ARROW_MAGIC: readonly number[] = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

const SIGNATURES: readonly [SniffedFormat, readonly number[], string][] = [
  ['arrow-file', ARROW_MAGIC, 'an Apache Arrow IPC file'],
  ['arrow-stream', [0xff, 0xff, 0xff, 0xff], 'an Apache Arrow IPC stream'],
  ['parquet', [0x50, 0x41, 0x52, 0x31], 'a Parquet file'],
  ['feather-v1', [0x46, 0x45, 0x41, 0x31], 'a Feather version 1 file (pre-Arrow-IPC)'],
  ['orc', [0x4f, 0x52, 0x43], 'an ORC file'],
  ['avro', [0x4f, 0x62, 0x6a, 0x01], 'an Avro file'],
  ['sqlite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
  ['gzip', [0x1f, 0x8b], 'a gzip-compressed file'],
  ['zip', [0x50, 0x4b, 0x03, 0x04], 'a zip archive (or an Excel .xlsx workbook)'],
];

/**
 * Guesses a file's format from its first bytes (magic numbers, then a look at text), so that a
 * file handed in by mistake gets an error that says what it is.
 * Method: fixed signatures first (Arrow "ARROW1", stream continuation 0xFFFFFFFF, Parquet
 * "PAR1", …); otherwise, if the first 4 KiB decode as UTF-8 without control characters, the
 * first non-blank character and line tell JSON, markup, CSV (a `,`, `;`, `\t` or `|` in the
 * first line) and other text apart.
 *
 * @example
 * sniffFormat(new TextEncoder().encode('id,date\n1,2018-01-01\n')).format // → 'csv'
 */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { format: 'empty', description: 'empty (0 bytes)' };
  for (const [format, signature, description] of SIGNATURES) {
    if (startsWith(bytes, signature)) return { format, description };
  }
  const head = decodeText(bytes.subarray(0, 4096));
  if (head === null) return { format: 'unknown', description: `binary data of an unknown kind (first bytes: ${hex(bytes)})` };
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  const shown = firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { format: 'json', description: `JSON text (starts '${shown}')` };
  if (trimmed.startsWith('<')) return { format: 'markup', description: `HTML or XML text (starts '${shown}')` };
  if (/[,;\t|]/.test(firstLine)) return { format: 'csv', description: `CSV text (first line: '${shown}')` };
  return { format: 'text', description: `plain text (first line: '${shown}')` };
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[i] !== signature[i]) return false;
  return true;
}

/** The text of `bytes` if they are UTF-8 without control characters (tabs and newlines allowed); else null. */
function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    // A cut in the middle of a multi-byte character at the 4 KiB boundary is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lastWholeCharacter(bytes)));
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks a file as binary
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text;
}

function lastWholeCharacter(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) !== 0x80) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      if (need > back) end -= back;
      break;
    }
  }
  return end;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}
