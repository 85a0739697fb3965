/**
 * An error in the user's input (a file, a column, a mapping), as opposed to a bug: the CLI
 * exits with its "bad input" code and the app shows the message as is. The message always
 * names the file and/or column, what was found and what was expected.
 *
 * @example
 * new InputError("file 'a.csv' is CSV text, not Apache Arrow", { file: 'a.csv' }).file // → 'a.csv'
 */
export class InputError extends Error {
  /** The file the problem was found in, when there is one. */
  readonly file?: string;
  /** The column the problem was found in, when there is one. */
  readonly column?: string;

  constructor(message: string, where: { readonly file?: string; readonly column?: string } = {}) {
    super(message);
    this.name = 'InputError';
    if (where.file !== undefined) this.file = where.file;
    if (where.column !== undefined) this.column = where.column;
  }
}
