import type { Field, Vector } from 'apache-arrow';
import { InputError } from './input-error';
import type { ArrowSource } from './read-arrow';

/** One mapped column of one file, with the global index of the file's first row. */
export interface ColumnInput {
  readonly source: ArrowSource;
  /** Index of the file's first row among all rows of all files loaded together. */
  readonly start: number;
  readonly field: Field;
  readonly vector: Vector;
}

/**
 * Looks up column `column` (playing `role`, e.g. 'time' or 'latitude') in each source, with
 * the global row offset of each file. A missing column is an `InputError` that names the file,
 * lists the columns it has and points out a name differing only in case.
 *
 * @example
 * findColumn([chicago], 'latitude', 'latitude')[0].field.type // → Float64
 */
export function findColumn(sources: readonly ArrowSource[], column: string, role: string): ColumnInput[] {
  let start = 0;
  return sources.map((source) => {
    const { schema } = source.table;
    const index = schema.fields.findIndex((f) => f.name === column);
    if (index < 0) {
      const names = schema.fields.map((f) => f.name);
      const near = names.find((n) => n.toLowerCase() === column.toLowerCase());
      throw new InputError(
        `file '${source.name}' has no column '${column}' (mapped as ${role})${near ? ` — did you mean '${near}'?` : ''}; ` +
          `available columns: ${names.join(', ')}`,
        { code: 'column-missing', file: source.name, column },
      );
    }
    const input = { source, start, field: schema.fields[index], vector: source.table.getChildAt(index) as Vector };
    start += source.table.numRows;
    return input;
  });
}

/**
 * Checks that a mapped column has the same family of type (as `familyOf` names it) in every
 * file; otherwise throws an `InputError` naming both files, the column and both types.
 * `familyOf` returns null for types the role cannot use at all; those are reported by the decoder.
 *
 * @example
 * assertSameFamily(findColumn([a, b], 't', 'time'), timeFamily, 'time') // throws if a has Timestamp and b Utf8
 */
export function assertSameFamily(inputs: readonly ColumnInput[], familyOf: (input: ColumnInput) => string | null, role: string): void {
  const first = inputs[0];
  const family = first && familyOf(first);
  for (const input of inputs.slice(1)) {
    const other = familyOf(input);
    if (other !== family) {
      throw new InputError(
        `column '${input.field.name}' (${role}) is ${family ?? 'unusable'} (${String(first.field.type)}) in file '${first.source.name}' ` +
          `but ${other ?? 'unusable'} (${String(input.field.type)}) in file '${input.source.name}': ` +
          'files load together only when their mapped columns agree in type',
        { code: 'column-types-differ', file: input.source.name, column: input.field.name },
      );
    }
  }
}
