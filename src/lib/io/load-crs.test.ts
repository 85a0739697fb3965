import { describe, expect, it } from 'vitest';
import { CRS_DEFINITIONS, resolveCrs } from './crs-definitions';
import { registryDefinition } from './datum-shift-rules';
import { loadEpsgRegistry } from './epsg-registry';
import { loadCrs } from './load-crs';

const ESRI_OREGON_NORTH =
  'PROJCS["NAD_1983_HARN_StatePlane_Oregon_North_FIPS_3601_Feet_Intl",GEOGCS["GCS_North_American_1983_HARN",DATUM["D_North_American_1983_HARN",' +
  'SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],' +
  'PARAMETER["False_Easting",8202099.737532808],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-120.5],PARAMETER["Standard_Parallel_1",44.33333333333334],' +
  'PARAMETER["Standard_Parallel_2",46.0],PARAMETER["Latitude_Of_Origin",43.66666666666666],UNIT["Foot",0.3048]]';

const messageOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: Error) => `${error.name}: ${error.message}`,
  );

describe('loadCrs', () => {
  it("loadCrs('EPSG:5348') finds Buenos Aires' grid in the registry with its POSGAR 2007 shift, then resolveCrs has it", async () => {
    const resolved = await loadCrs('epsg:5348');
    expect(resolved).toEqual({
      label: 'EPSG:5348',
      definition: '+proj=tmerc +lat_0=-90 +lon_0=-57 +k=1 +x_0=6500000 +y_0=0 +ellps=WGS84 +towgs84=-0.41,0.46,-0.35,0,0,0,0 +units=m +no_defs',
      notes: [],
    });
    expect(resolveCrs('5348')).toEqual(resolved);
  });

  it('an unknown code says the registry has no such code', async () => {
    expect(await messageOf(loadCrs('EPSG:99999'))).toBe(
      "InputError: unknown CRS 'EPSG:99999': the EPSG registry Hexcast ships (6983 projected and geographic 2D CRSs) has no such code; " +
        'check the number, or paste a proj4 string (+proj=…) or WKT (PROJCS[…])',
    );
  });

  it("a grid-based definition gets PROJ's Helmert fallback with a note; a grid with no fallback is refused by name", async () => {
    const bng = await loadCrs('EPSG:27700');
    expect(bng.definition).toBe(
      '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
    );
    expect(bng.notes).toEqual([
      'EPSG:27700 (OSGB36 / British National Grid): PROJ shifts the datum with the grid OSTN15_NTv2_OSGBtoETRS.gsb, which Hexcast does not ship; ' +
        'using the Helmert transformation EPSG:1314 OSGB36 to WGS 84 (6) instead (accuracy 2 m)',
    ]);
    expect(await messageOf(loadCrs('+proj=utm +zone=21 +south +ellps=intl +nadgrids=CA61_003.gsb +units=m'))).toBe(
      "InputError: the CRS '+proj=utm +zone=21 +south +ellps=intl +nadgrids=CA61_003.gsb +units=m' shifts its datum with the grid file 'CA61_003.gsb', " +
        'which Hexcast cannot load offline: give the shift as +towgs84=… instead',
    );
    expect(await messageOf(loadCrs('EPSG:5536'))).toBe(
      "InputError: EPSG:5536 (Corrego Alegre 1961 / UTM zone 21S): the registry shifts its datum with the grid file 'CA61_003.gsb', which Hexcast " +
        'cannot load offline and has no substitute for: paste a proj4 string with the +towgs84=… shift you accept instead',
    );
  });

  it('ESRI WKT from a .prj file is accepted; broken WKT and unknown methods are named in the error', async () => {
    expect((await loadCrs(ESRI_OREGON_NORTH)).label).toBe('WKT "NAD_1983_HARN_StatePlane_Oregon_North_FIPS_3601_Feet_Intl"');
    expect(await messageOf(loadCrs('PROJCS["x",GEOGCS["y"'))).toBe(
      `InputError: cannot use the CRS WKT 'PROJCS["x",GEOGCS["y"': unable to parse string "PROJCS["x",GEOGCS["y"". State is 5; ` +
        'expected an EPSG code, a proj4 string (+proj=…) or WKT (PROJCS[…], GEOGCS[…])',
    );
    const unknownMethod = ESRI_OREGON_NORTH.replace('Lambert_Conformal_Conic', 'Foo_Bar');
    expect(await messageOf(loadCrs(unknownMethod))).toMatch(
      /^InputError: cannot use the CRS WKT 'PROJCS.*': proj4 does not know the projection method 'Foo_Bar'; expected/,
    );
    expect(await messageOf(loadCrs('+proj=nonsense +x_0=1'))).toBe(
      "InputError: cannot use the CRS definition '+proj=nonsense +x_0=1': proj4 does not know the projection method 'nonsense'; " +
        'expected an EPSG code, a proj4 string (+proj=…) or WKT (PROJCS[…], GEOGCS[…])',
    );
  });

  it('every bundled definition is the registry one after registryDefinition (same text up to +datum/+wktext shorthands)', async () => {
    const registry = await loadEpsgRegistry();
    const norm = (d: string) => d.replace('+datum=NAD83', '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0').replace(/\s+/g, ' ');
    for (const [label, definition] of CRS_DEFINITIONS) {
      const code = Number(label.slice(5));
      expect(norm(definition), label).toBe(norm(registryDefinition(code, registry.byCode.get(code)!).definition));
    }
  });
});
