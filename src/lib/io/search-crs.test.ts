import { describe, expect, it } from 'vitest';
import type { EpsgEntry } from './epsg-registry';
import { loadEpsgRegistry } from './epsg-registry';
import { searchCrs } from './search-crs';

const entry = (code: number, name: string, area: string): EpsgEntry => ({
  code,
  name,
  area,
  kind: 'CRS-PROJCRS',
  proj4: '',
  bbox: null,
  accuracy: null,
  base: null,
});
const ENTRIES = [
  entry(2913, 'NAD83(HARN) / Oregon North (ft)', 'United States (USA) - Oregon - north'),
  entry(5348, 'POSGAR 2007 / Argentina 6', 'Argentina - onshore'),
  entry(22186, 'Campo Inchauspe / Argentina 6', 'Argentina'),
  entry(29193, 'SAD69 / UTM zone 23S', 'Brazil - Minas Gerais; Argentina - Córdoba'),
];

describe('searchCrs', () => {
  it('ranks the exact code, then code prefixes, then name matches, then area matches, ties by code', () => {
    expect(searchCrs(ENTRIES, 'EPSG:5348').map((e) => e.code)).toEqual([5348]);
    expect(searchCrs(ENTRIES, '29').map((e) => e.code)).toEqual([2913, 29193]);
    expect(searchCrs(ENTRIES, 'argentina').map((e) => e.code)).toEqual([5348, 22186, 29193]); // 29193 only through its area
  });

  it('prefers whole words in the name: "Argentina 6" puts Argentina 6 before Hito XVIII 1963 / Argentina 2', () => {
    const hito = entry(2083, 'Hito XVIII 1963 / Argentina 2', 'Argentina - Tierra del Fuego');
    expect(searchCrs([hito, ...ENTRIES], 'argentina 6').map((e) => e.code)).toEqual([5348, 22186, 2083, 29193]);
  });

  it('matches every word, ignoring case and accents', () => {
    expect(searchCrs(ENTRIES, 'argentina 6').map((e) => e.code)).toEqual([5348, 22186, 29193]); // 29193: '6' in SAD69, Argentina in its area
    expect(searchCrs(ENTRIES, 'OREGON').map((e) => e.code)).toEqual([2913]);
    expect(searchCrs(ENTRIES, 'cordoba').map((e) => e.code)).toEqual([29193]);
    expect(searchCrs(ENTRIES, '  ')).toEqual([]);
  });

  it('on the real registry, "Argentina" lists the POSGAR zones and "Oregon" the Oregon State Planes', async () => {
    const { entries } = await loadEpsgRegistry();
    const argentina = searchCrs(entries, 'Argentina', 100).map((e) => e.code);
    for (const code of [5343, 5344, 5345, 5346, 5347, 5348, 5349]) expect(argentina).toContain(code);
    const oregon = searchCrs(entries, 'Oregon', 100);
    expect(oregon.map((e) => e.code)).toContain(2913);
    expect(oregon.every((e) => /oregon/i.test(`${e.name} ${e.area}`))).toBe(true);
  });
});
