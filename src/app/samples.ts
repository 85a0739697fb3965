import type { ColumnMapping } from '../lib/io/column-mapping';

/** A data set bundled with the app (public/samples), with what a first-time user needs to know. */
export interface Sample {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly description: string;
  /** Mapping to use instead of the detected one (e.g. the CRS of projected x/y columns). */
  readonly mapping?: ColumnMapping;
}

/** The bundled samples; the first opens by default. */
export const SAMPLES: readonly Sample[] = [
  {
    id: 'chicago-3-types-2014-2018',
    file: 'chicago-3-types-2014-2018.arrow',
    title: 'Chicago 2014–2018: burglary, robbery, motor vehicle theft',
    description: '168,152 incidents from the City of Chicago Data Portal; timestamps are local wall-clock time in America/Chicago.',
  },
  {
    id: 'portland-nij-burglary-vehicle-2012-2017',
    file: 'portland-nij-burglary-vehicle-2012-2017.arrow',
    title: 'Portland 2012–2017: burglary and vehicle theft (NIJ challenge)',
    description: '15,206 calls for service with dates only and x/y in Oregon North State Plane feet (EPSG:2913).',
    mapping: {
      time: { column: 'occ_date' },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
      category: 'category',
    },
  },
];

/** The sample with this id, or undefined. */
export function sampleById(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}
