import type { Report } from './report';

/**
 * The report as the JSON file every shell writes (two-space indent, final newline), in a file
 * of its own so that the app's main thread can write it without loading the pipeline.
 * @example reportJson(report).endsWith('}\n') // → true
 */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
