/**
 * SHA-256 of the bytes (or of several byte arrays concatenated in order), as 64 lowercase hex
 * digits, computed by `globalThis.crypto.subtle` (Web Crypto: Node 20 and every browser). It is
 * the report's data fingerprint: the same as `cat a.arrow b.arrow | sha256sum`.
 *
 * @example
 * await sha256Hex(new TextEncoder().encode('abc'))
 * // → 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' (FIPS 180-2, B.1)
 */
export async function sha256Hex(bytes: Uint8Array | readonly Uint8Array[]): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('sha256Hex needs Web Crypto (globalThis.crypto.subtle), which this runtime lacks');
  let whole: Uint8Array;
  if (bytes instanceof Uint8Array) {
    whole = bytes;
  } else if (bytes.length === 1) {
    whole = bytes[0];
  } else {
    whole = new Uint8Array(bytes.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of bytes) {
      whole.set(part, at);
      at += part.length;
    }
  }
  const digest = await subtle.digest('SHA-256', whole as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
