import type { Report } from '../lib/evaluate/report';
import { HEXCAST_VERSION, LIBRARY_VERSIONS } from '../lib/base/versions';

/** The report's environment block for runs in this browser: app version, user agent and library versions. */
export function appEnvironment(): Report['environment'] {
  return { hexcast: HEXCAST_VERSION, runtime: `browser: ${navigator.userAgent}`, libraries: LIBRARY_VERSIONS };
}
