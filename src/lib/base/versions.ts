import pkg from '../../../package.json' with { type: 'json' };

/** Hexcast's own version. */
export const HEXCAST_VERSION: string = pkg.version;

/**
 * Versions of the libraries every number in a report depends on, as pinned (exactly) in
 * package.json, so a report says what produced it in the app and the CLI alike.
 */
export const LIBRARY_VERSIONS: Readonly<Record<string, string>> = Object.fromEntries(
  ['h3-js', 'apache-arrow', 'proj4', '@tensorflow/tfjs', 'd3'].map((name) => [name, (pkg.dependencies as Record<string, string>)[name]]),
);
