import { dependencies, version } from '../../package.json';
import type { Report } from '../lib/evaluate/report';

/** The report's environment block for runs in this browser: app version, user agent and library versions. */
export function appEnvironment(): Report['environment'] {
  const libraries: Record<string, string> = {};
  for (const name of ['apache-arrow', 'h3-js', 'd3', 'proj4', '@tensorflow/tfjs'] as const) libraries[name] = dependencies[name];
  return { hexcast: version, runtime: `browser: ${navigator.userAgent}`, libraries };
}
