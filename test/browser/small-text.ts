/** Visible text drawn smaller than 11 CSS pixels (one definition: narrow-checks.ts). */
export { smallText } from './narrow-checks';
