import { REMEDY_PHRASES } from './load-remedies';

/** One repeating row and the earlier row it repeats, each as a file (its index among the files loaded, its name) and a record number. */
export interface RepeatPair {
  readonly source: number;
  readonly file: string;
  readonly row: number;
  readonly ofSource: number;
  readonly ofFile: string;
  readonly ofRow: number;
}

/**
 * The load report's warning about `count` rows that repeat an earlier row in every column and were
 * kept, quoting `examples` (a few pairs): the file is named once when every example lies in one
 * file, else each row names its file (with its number, 'file 2', where two files share a name).
 * Files are told apart by index, never by name. The remedy is the neutral `REMEDY_PHRASES.dropDuplicates`,
 * which each shell words as its own control.
 *
 * @example
 * duplicatesWarning(66, [{ source: 0, file: 'p.arrow', row: 10, ofSource: 0, ofFile: 'p.arrow', ofRow: 9 }])
 * // → '66 rows repeat an earlier row in every column (in p.arrow: row 10 repeats row 9; …): kept; drop them with the duplicates setting'
 */
export function duplicatesWarning(count: number, examples: readonly RepeatPair[]): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const names = new Map(examples.flatMap((e) => [[e.source, e.file] as const, [e.ofSource, e.ofFile] as const]));
  const shared = new Set([...names.values()].filter((name, i, all) => all.indexOf(name) !== i));
  const label = (source: number): string => {
    const name = names.get(source) ?? '';
    return shared.has(name) ? `${name} (file ${source + 1})` : name;
  };
  const one = names.size === 1 ? [...names.values()][0] : null;
  const quoted = examples.map((e) =>
    one !== null ? `row ${n(e.row)} repeats row ${n(e.ofRow)}` : `${label(e.source)} row ${n(e.row)} repeats ${label(e.ofSource)} row ${n(e.ofRow)}`,
  );
  const more = count > examples.length ? '; …' : '';
  const listed = examples.length > 0 ? ` (${one !== null ? `in ${one}: ` : ''}${quoted.join('; ')}${more})` : '';
  const rows = count === 1 ? '1 row repeats' : `${n(count)} rows repeat`;
  return `${rows} an earlier row in every column${listed}: kept; ${REMEDY_PHRASES.dropDuplicates}`;
}
