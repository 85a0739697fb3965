/** The field delimiters CSV exports use, in the order a tie is broken. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** One of `DELIMITERS`. */
export type Delimiter = (typeof DELIMITERS)[number];

/** The chosen delimiter and why, in words for the load report. */
export interface DelimiterChoice {
  readonly delimiter: Delimiter;
  readonly reason: string;
}

const NAMES: Readonly<Record<Delimiter, string>> = { ',': "','", ';': "';'", '\t': 'tab', '|': "'|'" };
const MAX_RECORDS = 50;

/**
 * Chooses the delimiter of a CSV text from its first records (up to 50 complete ones in `head`):
 * for each candidate (comma, semicolon, tab, pipe) the records are split outside double quotes
 * (RFC 4180), and the candidate that splits every record into the same number of fields, more
 * than one, wins; among those the most fields, then the order above. Without such a candidate,
 * the one with the most records agreeing with the header's field count wins. A text where no
 * candidate splits the first line is one column (comma, said so).
 * Decimal commas do not fool it: in `a;b\n1,5;2,5` the comma gives 2 then 3 fields, the
 * semicolon 2 and 2.
 *
 * @example
 * detectDelimiter('a;b\n1,5;2,5\n').delimiter // → ';'
 */
export function detectDelimiter(head: string, whole = false): DelimiterChoice {
  const records = firstRecords(head.replace(/^\uFEFF/, ''), whole);
  let best: { delimiter: Delimiter; fields: number; agree: number } | null = null;
  const tried: string[] = [];
  for (const delimiter of DELIMITERS) {
    const counts = records.map((record) => countFields(record, delimiter));
    const fields = counts[0] ?? 1;
    const agree = counts.filter((count) => count === fields).length;
    tried.push(`${NAMES[delimiter]} ${describeCounts(counts)}`);
    if (fields < 2) continue;
    const better = best === null || agree > best.agree || (agree === best.agree && fields > best.fields);
    if (better) best = { delimiter, fields, agree };
  }
  const n = records.length;
  const lines = `${n} first record${n === 1 ? '' : 's'}`;
  if (best === null) return { delimiter: ',', reason: `no delimiter splits the first line (${tried.join('; ')}): read as one column` };
  const { delimiter, fields, agree } = best;
  const others = tried.filter((text) => !text.startsWith(NAMES[delimiter]));
  const reason =
    agree === n
      ? `${NAMES[delimiter]} splits all ${lines} into ${fields} fields (${others.join('; ')})`
      : `${NAMES[delimiter]} splits ${agree} of the ${lines} into the header's ${fields} fields, more than any other (${others.join('; ')})`;
  return { delimiter, reason };
}

/** "gives 7 fields" or "gives 1–3 fields". */
function describeCounts(counts: readonly number[]): string {
  if (counts.length === 0) return 'gives 1 field';
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? `gives ${low} field${low === 1 ? '' : 's'}` : `gives ${low}–${high} fields`;
}

/** Up to `MAX_RECORDS` records (newlines inside quotes kept), without a last one the head may have cut off. */
function firstRecords(text: string, whole: boolean): string[] {
  const records: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length && records.length < MAX_RECORDS; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (i > start) records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if ((whole || records.length === 0) && start < text.length && records.length < MAX_RECORDS) records.push(text.slice(start));
  return records;
}

function countFields(record: string, delimiter: string): number {
  let quoted = false;
  let fields = 1;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === delimiter) fields++;
  }
  return fields;
}
