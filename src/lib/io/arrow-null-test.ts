/**
 * apache-arrow's `createIsValidFunction` without code generation. arrow-js builds a Builder's
 * null test by compiling a `switch` with `new Function` (builder/valid.mjs), which a
 * Content-Security-Policy without 'unsafe-eval' refuses and which puts string-to-code into the
 * app's bundle. The app's build swaps that module for this one (`arrowWithoutEval` in
 * vite.config.ts); the CLI and tests in Node keep arrow's own. Same contract: a value is
 * invalid (null) when it is strictly equal to one of `nullValues`, or NaN when they hold NaN.
 * @example createIsValidFunction([null, NaN])(Number.NaN) // → false; createIsValidFunction([null])(0) // → true
 */
export function createIsValidFunction(nullValues?: readonly unknown[] | null): (value: unknown) => boolean {
  if (!nullValues || nullValues.length === 0) return () => true;
  const nulls = nullValues.filter((x) => x === x);
  const nan = nulls.length !== nullValues.length;
  return (value) => !((nan && value !== value) || nulls.includes(value));
}
