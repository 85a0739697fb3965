/**
 * The chunks' bytes back to back in one array (the chunk itself when there is one).
 * @example concatBytes([Uint8Array.of(1), Uint8Array.of(2, 3)]) // → Uint8Array [1, 2, 3]
 */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
