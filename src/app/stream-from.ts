/**
 * The total size (bytes) from which the worker decodes Arrow incident files as they stream, when
 * the page address sets it (`?streamfrom=N`, in MB, N ≥ 0; 0 streams every Arrow file); otherwise
 * undefined, and the worker's default (`STREAM_FROM_BYTES`, 256 MiB) applies. Tests and
 * benchmarks use it to stream small files.
 * @example streamFromAddress('?streamfrom=0') // → 0
 */
export function streamFromAddress(search: string): number | undefined {
  const asked = new URLSearchParams(search).get('streamfrom');
  if (asked === null || asked.trim() === '') return undefined;
  const mb = Number(asked);
  return Number.isFinite(mb) && mb >= 0 ? Math.round(mb * 2 ** 20) : undefined;
}
