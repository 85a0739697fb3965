import { escapeMarkdown } from './escape-markdown';

/** Markdown source that `mdText` inserts as it is: the renderer's own syntax, never text read from a file. */
export class Markdown {
  constructor(readonly source: string) {}

  toString(): string {
    return this.source;
  }
}

/**
 * A Markdown template whose substitutions are text: each `${value}` is `escapeMarkdown(String(value))`
 * unless it is already `Markdown` (built by `mdText` or wrapped on purpose), so a renderer cannot forget
 * to escape a name, and a number read from a hand-edited report is text too.
 * @example mdText`**${'a*b'}** ${mdText`_x_`}`.source // → '**a\\*b** _x_'
 */
export function mdText(strings: TemplateStringsArray, ...values: readonly unknown[]): Markdown {
  let source = strings[0];
  values.forEach((value, i) => {
    source += (value instanceof Markdown ? value.source : escapeMarkdown(String(value))) + strings[i + 1];
  });
  return new Markdown(source);
}

/**
 * Joins Markdown pieces and text with a separator (text escaped, as in `mdText`).
 * @example joinMarkdown(['a_b', mdText`*c*`], ', ').source // → 'a\\_b, *c*'
 */
export function joinMarkdown(items: readonly unknown[], separator: string): Markdown {
  return new Markdown(items.map((item) => (item instanceof Markdown ? item.source : escapeMarkdown(String(item)))).join(separator));
}
