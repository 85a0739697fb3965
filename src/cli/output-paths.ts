import { basename, dirname, extname, join } from 'node:path';

/** The chart SVGs written beside a Markdown report, named after it: `r.md` → `r.capture.svg`, `r.folds.svg`. */
export function chartNames(md: string): { capture: string; folds: string } {
  const stem = basename(md, extname(md));
  return { capture: `${stem}.capture.svg`, folds: `${stem}.folds.svg` };
}

/**
 * Every file a command will write for these output flags, with the flag that asked for it:
 * `--md r.md` also writes its two chart SVGs beside it. For `assertWritable` before any work.
 * @example outputPaths({ out: 'r.json', md: 'd/r.md' }).map((o) => o.path) // → ['r.json', 'd/r.md', 'd/r.capture.svg', 'd/r.folds.svg']
 */
export function outputPaths(flags: { out?: string; md?: string; html?: string; forecasts?: string }): { flag: string; path: string }[] {
  const out: { flag: string; path: string }[] = [];
  if (flags.out) out.push({ flag: '--out', path: flags.out });
  if (flags.md) {
    const { capture, folds } = chartNames(flags.md);
    out.push(
      { flag: '--md', path: flags.md },
      { flag: '--md', path: join(dirname(flags.md), capture) },
      { flag: '--md', path: join(dirname(flags.md), folds) },
    );
  }
  if (flags.html) out.push({ flag: '--html', path: flags.html });
  if (flags.forecasts) out.push({ flag: '--forecasts', path: flags.forecasts });
  return out;
}
