/**
 * An Error named 'AbortError' (what `isAbort` and the page's cancel paths recognise): a request
 * cancelled, superseded or no longer answerable for the files it named.
 * @example abortError('Opening was cancelled').name // → 'AbortError'
 */
export function abortError(message: string): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}
