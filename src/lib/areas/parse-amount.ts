/** What one attribute value of an area feature read as. */
export type Amount =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'not-a-number'; readonly text: string }
  | { readonly kind: 'negative'; readonly value: number };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads an attribute value as a non-negative amount: a finite JSON number, or a string of
 * digits (census offices and newsrooms write counts as text: `"692"`; optional sign, decimals,
 * exponent, or thousands commas `"1,234"`). `null`, an absent value and `""` are missing;
 * anything else is not a number; a negative number is refused (a population or household count
 * cannot be negative, and apportioning it would subtract people from cells).
 * @example parseAmount('692') // → { kind: 'number', value: 692 }
 * @example parseAmount('n/a') // → { kind: 'not-a-number', text: 'n/a' }
 */
export function parseAmount(raw: unknown): Amount {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return { kind: 'missing' };
    if (DECIMAL.test(text)) value = Number(text);
    else if (THOUSANDS.test(text)) value = Number(text.replaceAll(',', ''));
    else return { kind: 'not-a-number', text: raw };
  } else return { kind: 'not-a-number', text: JSON.stringify(raw) ?? String(raw) };
  if (!Number.isFinite(value)) return { kind: 'not-a-number', text: String(raw) };
  return value < 0 ? { kind: 'negative', value } : { kind: 'number', value };
}
