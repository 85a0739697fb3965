// What reading an area file yields (`readAreas`): the usable polygons with their numeric
// attributes, and an account of every feature and column, so nothing is lost silently. Types only.

/** One usable feature: its id, its repaired polygons and one value per numeric column. */
export interface AreaFeature {
  /** The feature's `id`, else `#` and its 0-based index in the file. */
  readonly id: string;
  /** Polygons as GeoJSON rings of `[lng, lat]` (outer ring counter-clockwise, then holes clockwise), closed. */
  readonly polygons: readonly (readonly (readonly number[])[])[][];
  /** `values[j]`: the amount of `AreaLayer.columns[j]`; 0 where the value was not parsed (see the column's account). */
  readonly values: Float64Array;
}

/** A value of a numeric column that was not used, and why. */
export interface UnparsedValue {
  readonly feature: string;
  readonly reason: 'missing' | 'not-a-number' | 'negative';
  /** The value as found (`null` for a missing one). */
  readonly value: string | number | null;
}

/** How one property of the features was read. */
export interface ColumnAccount {
  readonly name: string;
  /**
   * 'numeric': apportioned; 'identifier': a code or rank (geoid, tract, …), kept out of the
   * amounts; 'text': most values are not numbers.
   */
  readonly kind: 'numeric' | 'identifier' | 'text';
  /** Usable features whose value parsed as a non-negative number. */
  readonly parsed: number;
  /** For numeric columns: every usable feature's value that did not parse, counted as 0. */
  readonly unparsed: readonly UnparsedValue[];
  /** Sum of the parsed values over the usable features. */
  readonly sum: number;
}

/** A feature left out, and why. */
export interface DroppedFeature {
  readonly feature: string;
  /** 'not-polygon': a Point, LineString, … or no geometry; 'refused': invalid polygon geometry. */
  readonly reason: 'not-polygon' | 'refused';
  /** The geometry type, or what is wrong with the polygon. */
  readonly detail: string;
}

/** The features and columns of an area file, with the account of everything read. */
export interface AreaLayer {
  /** The file's name. */
  readonly source: string;
  /** Features in the file. */
  readonly read: number;
  readonly features: readonly AreaFeature[];
  /** Names of the numeric columns, in first-seen order (`AreaFeature.values` follows it). */
  readonly columns: readonly string[];
  /** Every property seen, numeric or not. */
  readonly accounts: readonly ColumnAccount[];
  /** Features not used: `read === features.length + dropped.length`. */
  readonly dropped: readonly DroppedFeature[];
  /** Geometry repairs over all usable features (ring counts). */
  readonly repairs: { readonly closed: number; readonly rewound: number; readonly repeats: number };
}
