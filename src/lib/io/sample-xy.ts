import type { ArrowSource } from './read-arrow';
import { InputError } from './input-error';
import { isStringType } from './decode-iso-time';
import { isNumericType, readNumbers } from './read-numbers';
import { csvDelimiter } from './csv-column-types';
import { readTextNumbers, textNumberFormat } from './read-text-numbers';

/**
 * Up to `n` (x, y) pairs of two numeric columns of a file, taken from the same rows, evenly spaced
 * over the whole file (NaN where a value is null or, in a text column, no number), for ranking CRSs
 * (`rankCrs`). Throws an InputError naming the file and column when a column is missing or
 * neither numeric nor text.
 *
 * @example
 * sampleXy(portland, 'x_coordinate', 'y_coordinate', 2).x // → the x of rows 0 and 7,603
 */
export function sampleXy(source: ArrowSource, x: string, y: string, n = 2000): { x: Float64Array; y: Float64Array } {
  const read = (column: string): Float64Array => {
    const vector = source.table.getChild(column);
    const text = vector !== null && isStringType(vector.type);
    if (!vector || (!text && !isNumericType(vector.type))) {
      throw new InputError(`${source.name}: column '${column}' ${vector ? `is ${String(vector.type)}` : 'does not exist'}: expected a numeric x/y column`, {
        code: vector ? 'column-type' : 'column-missing',
        field: 'mapping.location',
      });
    }
    const all = new Float64Array(vector.length);
    const format = text ? textNumberFormat(vector.data, csvDelimiter(source.table.schema)) : 0;
    let at = 0;
    for (const data of vector.data) {
      if (text) readTextNumbers(data, all, at, [], format);
      else readNumbers(data, all, at);
      at += data.length;
    }
    return all;
  };
  const xs = read(x);
  const ys = read(y);
  const count = Math.min(n, xs.length);
  const step = xs.length / Math.max(1, count);
  const out = { x: new Float64Array(count), y: new Float64Array(count) };
  for (let k = 0; k < count; k++) {
    const i = Math.floor(k * step);
    out.x[k] = xs[i];
    out.y[k] = ys[i];
  }
  return out;
}
