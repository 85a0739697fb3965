import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import between two project files, as paths relative to the project root (with `/`). */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
}

/** The source files of a tree and the imports between them. */
export interface ImportGraph {
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
}

/**
 * The module specifiers a source text imports: static imports and re-exports (type-only ones
 * too: a type import ties two layers as much as a value import does) and dynamic `import()`.
 * A `.svelte` file contributes the imports of its `<script>` blocks. Parsing is TypeScript's own
 * `preProcessFile`, so comments and strings that merely look like imports do not count.
 * @example importSpecifiers("import type { Panel } from '../grid/panel';", 'a.ts') // → ['../grid/panel']
 */
export function importSpecifiers(text: string, fileName: string): string[] {
  const code = fileName.endsWith('.svelte') ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

const SOURCE = /\.(ts|svelte)$/;
const CANDIDATE_SUFFIXES = ['', '.ts', '.svelte', '/index.ts'];

/**
 * Reads every `.ts` and `.svelte` file under `dirs` (relative to `root`), skipping tests
 * (`*.test.ts`), and resolves their relative imports to files. Package imports and imports of
 * non-source files (JSON) are not edges. A relative import that resolves to no file throws.
 * @example readImportGraph(process.cwd(), ['src']).edges.length // → ~1000
 */
export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = dirs.flatMap((dir) => listSources(join(root, dir))).map((file) => toPosix(relative(root, file)));
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const specifier of importSpecifiers(readFileSync(join(root, from), 'utf8'), from)) {
      if (!specifier.startsWith('.')) continue;
      const base = posix.join(posix.dirname(from), specifier.replace(/\.js$/, ''));
      const to = CANDIDATE_SUFFIXES.map((suffix) => base + suffix).find((path) => isFile(join(root, path)));
      if (to === undefined) throw new Error(`${from}: import '${specifier}' resolves to no file`);
      if (SOURCE.test(to)) edges.push({ from, to, specifier });
    }
  }
  return { files, edges };
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(path));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
