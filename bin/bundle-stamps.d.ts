/** True when every source recorded in `list` (dist-cli/inputs.json) still has its recorded modification time and size, relative to `root`. */
export function bundleIsCurrent(list: string, root: string): boolean;
