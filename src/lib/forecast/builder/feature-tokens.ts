/**
 * The feature grammar of a built model: a `+`-separated list of tokens (`+`, not `,`, because
 * the CLI's `--models` list is comma-separated and `:` separates a spec's parameters).
 *
 * ```
 * features := token ('+' token)*
 * token    := 'default'                       lag1-3+seasonal+mean+ring1-2+rate+area+cal
 *           | 'lag' K | 'lag' A '-' B          own lags A…B (1 ≤ A ≤ B ≤ 52)
 *           | 'seasonal'                      the bucket's seasonal lags (a day and week of hours, …)
 *           | 'mean' | 'mean' W               window means: the bucket's three windows, or one of W periods
 *           | 'ewma' ALPHA                    exponentially weighted mean, 0 < ALPHA < 1
 *           | 'ring' R | 'ring' A '-' B       neighbours' last count and recent mean, H3 rings 1…3
 *           | 'rate' | 'rate-offset'          the cell's shrunk long-run rate, as a feature or as the offset
 *           | 'area'                          the whole area's recent level against its long-run level
 *           | 'cal' | 'dow' | 'woy' | 'month' calendar: the span's own choice, or day of week,
 *                                             week of year, month explicitly
 *           | 'parent' RES 'w' N              count of the last N periods in the H3 parent at RES
 * ```
 * Parsing is strict: an unknown token, a duplicate (also a lag or ring inside two ranges) or an out-of-range number throws an Error
 * naming the token and what was expected. `formatFeatures(parseFeatures(s))` is canonical.
 */

/** One parsed feature token. */
export type FeatureToken =
  | { readonly kind: 'lag'; readonly from: number; readonly to: number }
  | { readonly kind: 'seasonal' }
  | { readonly kind: 'mean'; readonly window: number }
  | { readonly kind: 'ewma'; readonly alpha: number }
  | { readonly kind: 'ring'; readonly from: number; readonly to: number }
  | { readonly kind: 'rate' }
  | { readonly kind: 'rate-offset' }
  | { readonly kind: 'area' }
  | { readonly kind: 'cal' }
  | { readonly kind: 'dow' }
  | { readonly kind: 'woy' }
  | { readonly kind: 'month' }
  | { readonly kind: 'parent'; readonly res: number; readonly window: number };

/** What `default` stands for: the built-in `poisson-glm`'s features, in its column order. */
export const DEFAULT_FEATURES = 'lag1-3+seasonal+mean+ring1-2+rate+area+cal';

/** Largest own lag (periods). */
export const MAX_LAG = 52;
/** Largest neighbour ring. */
export const MAX_RING = 3;

const range = (text: string, prefix: string, max: number, what: string): { from: number; to: number } | undefined => {
  const m = new RegExp(`^${prefix}(\\d+)(?:-(\\d+))?$`).exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || to < from || to > max) throw new Error(`feature '${text}': ${what} must run from 1 to ${max}, first ≤ last`);
  return { from, to };
};

/**
 * Parses a feature list (see the grammar above); `default` expands in place.
 * @example parseFeatures('lag1-2+ring1') // → [{ kind: 'lag', from: 1, to: 2 }, { kind: 'ring', from: 1, to: 1 }]
 */
export function parseFeatures(text: string): FeatureToken[] {
  // Spaces count as '+' too: a '+' typed into a link's query string arrives as a space.
  const parts = String(text)
    .trim()
    .split(/\s*\+\s*|\s+/);
  if (parts.length === 0 || parts.some((p) => p === '')) throw new Error(`features '${text}': expected tokens separated by '+', e.g. ${DEFAULT_FEATURES}`);
  const out: FeatureToken[] = [];
  const seen = new Set<string>();
  for (const part of parts.flatMap((p) => (p === 'default' ? DEFAULT_FEATURES.split('+') : [p]))) {
    const token = parseToken(part);
    const key = formatToken(token);
    if (seen.has(key)) throw new Error(`features '${text}': '${key}' is listed twice`);
    if (token.kind === 'lag' || token.kind === 'ring') {
      const kind = token.kind;
      const clash = out.find((t): t is typeof token => t.kind === kind && (t as typeof token).from <= token.to && token.from <= (t as typeof token).to);
      if (clash) {
        const what = token.kind === 'lag' ? 'lag' : 'ring';
        throw new Error(
          `features '${text}': ${what} ${Math.max(clash.from, token.from)} is in both '${formatToken(clash)}' and '${key}' (the same column twice); list each ${what} once`,
        );
      }
    }
    seen.add(key);
    out.push(token);
  }
  return out;
}

function parseToken(part: string): FeatureToken {
  const simple = ['seasonal', 'rate', 'rate-offset', 'area', 'cal', 'dow', 'woy', 'month'] as const;
  if ((simple as readonly string[]).includes(part)) return { kind: part as (typeof simple)[number] };
  if (part === 'mean') return { kind: 'mean', window: 0 };
  if (part === 'holiday' || part === 'holidays') {
    throw new Error(`feature '${part}': no holiday calendar is available offline, so holidays cannot be a feature`);
  }
  const lag = range(part, 'lag', MAX_LAG, 'lags');
  if (lag) return { kind: 'lag', ...lag };
  const ring = range(part, 'ring', MAX_RING, 'rings');
  if (ring) return { kind: 'ring', ...ring };
  let m = /^mean(\d+)$/.exec(part);
  if (m) {
    const window = Number(m[1]);
    if (window < 1 || window > 520) throw new Error(`feature '${part}': a window mean needs 1 to 520 periods`);
    return { kind: 'mean', window };
  }
  m = /^ewma(0?\.\d+)$/.exec(part);
  if (m) {
    const alpha = Number(m[1]);
    if (!(alpha > 0 && alpha < 1)) throw new Error(`feature '${part}': ewma needs a smoothing weight between 0 and 1, e.g. ewma0.3`);
    return { kind: 'ewma', alpha };
  }
  m = /^parent(\d+)w(\d+)$/.exec(part);
  if (m) {
    const res = Number(m[1]);
    const window = Number(m[2]);
    if (res > 15 || window < 1 || window > 520) throw new Error(`feature '${part}': parent needs an H3 resolution 0–15 and 1 to 520 periods, e.g. parent7w4`);
    return { kind: 'parent', res, window };
  }
  throw new Error(
    `feature '${part}' is not known; expected one of lagK, lagA-B, seasonal, mean, meanW, ewmaALPHA, ringR, ringA-B, rate, rate-offset, area, cal, dow, woy, month, parentRESwN, default`,
  );
}

/**
 * Writes one token back in its canonical form.
 * @example formatToken({ kind: 'lag', from: 1, to: 1 }) // → 'lag1'
 */
export function formatToken(token: FeatureToken): string {
  switch (token.kind) {
    case 'lag':
    case 'ring':
      return token.from === token.to ? `${token.kind}${token.from}` : `${token.kind}${token.from}-${token.to}`;
    case 'mean':
      return token.window === 0 ? 'mean' : `mean${token.window}`;
    case 'ewma':
      return `ewma${token.alpha}`;
    case 'parent':
      return `parent${token.res}w${token.window}`;
    default:
      return token.kind;
  }
}

/**
 * Writes a token list back as text; the built-in list is written `default`.
 * @example formatFeatures(parseFeatures('default')) // → 'default'
 */
export function formatFeatures(tokens: readonly FeatureToken[]): string {
  const text = tokens.map(formatToken).join('+');
  return text === DEFAULT_FEATURES ? 'default' : text.startsWith(`${DEFAULT_FEATURES}+`) ? `default+${text.slice(DEFAULT_FEATURES.length + 1)}` : text;
}
