import { createIsValidFunction as arrowOwn } from 'apache-arrow/builder/valid';
import { describe, expect, it } from 'vitest';
import { createIsValidFunction } from './arrow-null-test';

const VALUES: unknown[] = [null, undefined, 0, -0, 1, Number.NaN, Infinity, '', 'n/a', 'N/A', 'null', 0n, 1n, true, false, [], {}];
const NULL_LISTS: (unknown[] | undefined)[] = [undefined, [], [null], [null, undefined], [null, 'n/a', Number.NaN], [Number.NaN], [0, ''], [1n, false]];

describe('createIsValidFunction(nullValues), the build’s stand-in for arrow-js’s generated null test', () => {
  it.each(NULL_LISTS.map((list) => [JSON.stringify(list, (_, v) => (typeof v === 'bigint' ? `${v}n` : Number.isNaN(v) ? 'NaN' : v)), list]))(
    'answers exactly as apache-arrow’s own for nullValues %s',
    (_, list) => {
      const ours = createIsValidFunction(list);
      const theirs = arrowOwn(list as never[]);
      for (const value of VALUES) expect(ours(value), String(value)).toBe(theirs(value as never));
    },
  );

  it('treats NaN as null only when the list holds NaN, and compares strictly', () => {
    expect(createIsValidFunction([null, Number.NaN])(Number.NaN)).toBe(false);
    expect(createIsValidFunction([null])(Number.NaN)).toBe(true);
    expect(createIsValidFunction([null])(undefined)).toBe(true);
    expect(createIsValidFunction([0])('0')).toBe(true);
  });
});
