/**
 * A tiny PMTiles v3 basemap, encoded by hand (the pmtiles package reads archives but has no
 * writer): one uncompressed vector tile at zoom 0 with two layers of the Protomaps schema,
 * `earth` (the whole world) and `water` (everything east of longitude ≈ −87.62°, Chicago's
 * lakeshore at this precision: one tile unit is 360°/4096). Layout per the PMTiles v3
 * specification: a 127-byte header, the root directory, JSON metadata, then the tile.
 */

/** Protocol-buffer varint of a non-negative integer. */
function varint(out: number[], value: number): void {
  while (value >= 128) {
    out.push((value % 128) | 128);
    value = Math.floor(value / 128);
  }
  out.push(value);
}

const zigzag = (n: number): number => (n < 0 ? -2 * n - 1 : 2 * n);

/** A length-delimited field (wire type 2). */
function field(out: number[], tag: number, bytes: readonly number[]): void {
  varint(out, tag * 8 + 2);
  varint(out, bytes.length);
  out.push(...bytes);
}

/** A Mapbox Vector Tile layer (spec v2.1) holding one rectangle polygon, drawn clockwise in tile units (y down). */
function rectangleLayer(name: string, x0: number, y0: number, x1: number, y1: number): number[] {
  const geometry: number[] = [];
  const move = (dx: number, dy: number): void => void geometry.push(zigzag(dx), zigzag(dy));
  geometry.push((1 & 7) | (1 << 3)); // MoveTo × 1
  move(x0, y0);
  geometry.push((2 & 7) | (3 << 3)); // LineTo × 3
  move(x1 - x0, 0);
  move(0, y1 - y0);
  move(x0 - x1, 0);
  geometry.push((7 & 7) | (1 << 3)); // ClosePath
  const feature: number[] = [];
  varint(feature, 3 * 8); // type = POLYGON (3)
  varint(feature, 3);
  const packed: number[] = [];
  for (const g of geometry) varint(packed, g);
  field(feature, 4, packed);
  const layer: number[] = [];
  varint(layer, 15 * 8); // version 2
  varint(layer, 2);
  field(layer, 1, [...new TextEncoder().encode(name)]);
  field(layer, 2, feature);
  varint(layer, 5 * 8); // extent 4096
  varint(layer, 4096);
  return layer;
}

/** The fixture's bytes. */
export function tinyPmtiles(): Buffer {
  const tile: number[] = [];
  field(tile, 3, rectangleLayer('earth', -64, -64, 4160, 4160));
  field(tile, 3, rectangleLayer('water', 1051, -64, 4160, 4160));
  const directory: number[] = [];
  for (const v of [1, 0, 1, tile.length, 0 + 1]) varint(directory, v); // 1 entry: tile id 0, run 1, length, offset + 1
  const metadata = [
    ...new TextEncoder().encode(
      JSON.stringify({ name: 'hexcast test fixture', attribution: 'Hexcast test fixture', vector_layers: [{ id: 'earth' }, { id: 'water' }] }),
    ),
  ];
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const tileOffset = metadataOffset + metadata.length;
  const u64 = (at: number, value: number): number => header.writeBigUInt64LE(BigInt(value), at);
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileOffset + tile.length); // no leaf directories
  u64(48, 0);
  u64(56, tileOffset);
  u64(64, tile.length);
  u64(72, 1);
  u64(80, 1);
  u64(88, 1);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(0, 100); // min zoom
  header.writeUInt8(0, 101); // max zoom
  header.writeInt32LE(-1800000000, 102);
  header.writeInt32LE(-850000000, 106);
  header.writeInt32LE(1800000000, 110);
  header.writeInt32LE(850000000, 114);
  header.writeUInt8(0, 118);
  return Buffer.concat([header, Buffer.from(directory), Buffer.from(metadata), Buffer.from(tile)]);
}
