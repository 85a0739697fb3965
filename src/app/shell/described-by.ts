/** The `aria-describedby` of a control in a `Field`: its error when there is one, else its help (when it has any), else none. */
export function describedBy(id: string, error: string | null | undefined, hasHelp: unknown = false): string | undefined {
  return error ? `${id}-error` : hasHelp ? `${id}-help` : undefined;
}
