import { isErrorCode, type ErrorCode } from './error-codes';

/**
 * Where an error was found, as data: the file, the column, the row (0-based within its file) and
 * the setting (`field`, a path such as 'mapping.location.crs', 'protocol.horizon', 'bin.res').
 */
export interface ErrorWhere {
  readonly file?: string;
  readonly column?: string;
  readonly row?: number;
  readonly field?: string;
}

/** An error as plain data, safe to structured-clone across a worker boundary or write as JSON. */
export interface ErrorData extends ErrorWhere {
  readonly name: string;
  readonly message: string;
  readonly code: ErrorCode;
}

/**
 * An error that says what it means: a stable `code` (see `ERROR_CODES`) and where it was found
 * (`file`, `column`, `row`, `field`). Shells choose where and how to show it from those, never
 * from the message text.
 *
 * @example
 * new HexcastError('protocol-invalid', 'protocol.horizon must be ≥ 1, got 0', { field: 'protocol.horizon' }).field // → 'protocol.horizon'
 */
export class HexcastError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly column?: string;
  readonly row?: number;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, where: ErrorWhere = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HexcastError';
    this.code = code;
    if (where.file !== undefined) this.file = where.file;
    if (where.column !== undefined) this.column = where.column;
    if (where.row !== undefined) this.row = where.row;
    if (where.field !== undefined) this.field = where.field;
  }
}

/**
 * An error in the user's input (a file, a column, a mapping), as opposed to a bug: the CLI
 * exits with its "bad input" code and the app shows the message next to what it concerns.
 * The message names the file and/or column, what was found and what was expected.
 *
 * @example
 * new InputError("file 'a.csv' is CSV text, not Apache Arrow", { code: 'not-arrow', file: 'a.csv' }).code // → 'not-arrow'
 */
export class InputError extends HexcastError {
  constructor(message: string, where: ErrorWhere & { readonly code: ErrorCode }, options?: ErrorOptions) {
    super(where.code, message, where, options);
    this.name = 'InputError';
  }
}

/**
 * The code of any thrown value: its own for a HexcastError (or data carrying a known code),
 * 'aborted' for an AbortError, else 'internal'.
 * @example errorCodeOf(new Error('x')) // → 'internal'
 */
export function errorCodeOf(error: unknown): ErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  if (isErrorCode(code)) return code;
  return (error as { name?: unknown } | null)?.name === 'AbortError' ? 'aborted' : 'internal';
}

/**
 * Any thrown value as plain `ErrorData` (name, message, code and where), for postMessage.
 * @example errorData(new InputError('bad', { code: 'column-type', column: 'lat' })) // → { name: 'InputError', message: 'bad', code: 'column-type', column: 'lat' }
 */
export function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), code: 'internal' };
  const where = error as Error & ErrorWhere;
  return {
    name: error.name,
    message: error.message,
    code: errorCodeOf(error),
    ...(typeof where.file === 'string' && { file: where.file }),
    ...(typeof where.column === 'string' && { column: where.column }),
    ...(typeof where.row === 'number' && { row: where.row }),
    ...(typeof where.field === 'string' && { field: where.field }),
  };
}

/**
 * Rebuilds an error from `errorData` on the other side of a boundary: an InputError for one,
 * otherwise a HexcastError keeping the original `name` (so 'AbortError' stays recognisable).
 * An unknown code (a newer worker) becomes 'internal'.
 * @example errorFromData({ name: 'InputError', message: 'bad', code: 'column-type' }) instanceof InputError // → true
 */
export function errorFromData(data: ErrorData): HexcastError {
  const code = isErrorCode(data.code) ? data.code : 'internal';
  const where: ErrorWhere = { file: data.file, column: data.column, row: data.row, field: data.field };
  if (data.name === 'InputError') return new InputError(data.message, { ...where, code });
  const error = new HexcastError(code, data.message, where);
  error.name = data.name;
  return error;
}
