import { REMEDY_PHRASES } from './load-remedies';

/** One repeating row and the earlier row it repeats, each as a file name and a record number. */
export interface RepeatPair {
  readonly file: string;
  readonly row: number;
  readonly ofFile: string;
  readonly ofRow: number;
}

/**
 * The load report's warning about `count` rows that repeat an earlier row in every column and were
 * kept, quoting `examples` (a few pairs): the file is named once when every example lies in one
 * file, else each row names its file. The remedy is the neutral `REMEDY_PHRASES.dropDuplicates`,
 * which each shell words as its own control.
 *
 * @example
 * duplicatesWarning(66, [{ file: 'p.arrow', row: 10, ofFile: 'p.arrow', ofRow: 9 }])
 * // → '66 rows repeat an earlier row in every column (in p.arrow: row 10 repeats row 9; …): kept; drop them with the duplicates setting'
 */
export function duplicatesWarning(count: number, examples: readonly RepeatPair[]): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const files = new Set(examples.flatMap((e) => [e.file, e.ofFile]));
  const one = files.size === 1 ? [...files][0] : null;
  const quoted = examples.map((e) =>
    one !== null ? `row ${n(e.row)} repeats row ${n(e.ofRow)}` : `${e.file} row ${n(e.row)} repeats ${e.ofFile} row ${n(e.ofRow)}`,
  );
  const more = count > examples.length ? '; …' : '';
  const listed = examples.length > 0 ? ` (${one !== null ? `in ${one}: ` : ''}${quoted.join('; ')}${more})` : '';
  const rows = count === 1 ? '1 row repeats' : `${n(count)} rows repeat`;
  return `${rows} an earlier row in every column${listed}: kept; ${REMEDY_PHRASES.dropDuplicates}`;
}
