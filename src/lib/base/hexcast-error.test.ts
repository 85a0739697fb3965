import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from './error-codes';
import { errorCodeOf, errorData, errorFromData, HexcastError, InputError } from './hexcast-error';

describe('coded errors', () => {
  it('survive a structured clone (the worker boundary) with their code, name and where', () => {
    const thrown = new InputError("file 'a.arrow' is truncated", {
      code: 'file-truncated',
      file: 'a.arrow',
      column: 'lat',
      row: 7,
      field: 'mapping.location.lat',
    });
    const rebuilt = errorFromData(structuredClone(errorData(thrown)));
    expect(rebuilt).toBeInstanceOf(InputError);
    expect(rebuilt).toBeInstanceOf(HexcastError);
    expect({ ...errorData(rebuilt) }).toEqual({
      name: 'InputError',
      message: "file 'a.arrow' is truncated",
      code: 'file-truncated',
      file: 'a.arrow',
      column: 'lat',
      row: 7,
      field: 'mapping.location.lat',
    });
  });

  it('give plain errors a code too: aborted for an AbortError, internal otherwise, and keep the name', () => {
    const abort = new Error('Superseded');
    abort.name = 'AbortError';
    expect(errorData(abort)).toEqual({ name: 'AbortError', message: 'Superseded', code: 'aborted' });
    expect(errorData(new TypeError('x is undefined'))).toEqual({ name: 'TypeError', message: 'x is undefined', code: 'internal' });
    expect(errorData('a string')).toEqual({ name: 'Error', message: 'a string', code: 'internal' });
    expect(errorFromData({ name: 'AbortError', message: 'm', code: 'aborted' }).name).toBe('AbortError');
  });

  it('turn a code this version does not know (a newer worker) into internal', () => {
    expect(errorFromData({ name: 'HexcastError', message: 'm', code: 'from-the-future' as never }).code).toBe('internal');
    expect(errorCodeOf({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' })).toBe('internal');
  });

  it('list every code once with a one-line meaning', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(isErrorCode(code)).toBe(true);
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(meaning.length).toBeGreaterThan(10);
      expect(meaning).not.toContain('\n');
    }
    expect(isErrorCode('toString')).toBe(false);
  });
});
