// Whether the CLI bundle (dist-cli/) still matches its sources: bin/build-cli.js records each
// source file's modification time and size as it read it; the bundle is current only while every
// one of them is unchanged (an edited, restored or re-checked-out source — newer or older — makes
// it stale). Plain JavaScript: it runs before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when `list` (an inputs.json written by buildCli) names at least one file and every file,
 * relative to `root`, has exactly the recorded modification time and size.
 * @param {string} list path of inputs.json
 * @param {string} root the project's root directory
 * @returns {boolean}
 */
export function bundleIsCurrent(list, root) {
  try {
    const stamps = Object.entries(JSON.parse(readFileSync(list, 'utf8')));
    return (
      stamps.length > 0 &&
      stamps.every(([file, [mtime, size]]) => {
        const info = statSync(join(root, file));
        return info.mtimeMs === mtime && info.size === size;
      })
    );
  } catch {
    return false; // no list, a source removed or renamed, or an old list format: stale
  }
}
