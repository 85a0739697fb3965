import { InputError } from '../base/hexcast-error';
import type { Claim, ClaimKind, ClaimMetric } from './claim';
import { claimFormLines } from './claim-forms';

// Patterns run on normalised text: lower case, one space between words, "per cent"/"percent"
// and "0,5 %" written as "0.5%", "×" as "x".
const NUM = String.raw`(\d+(?:\.\d+)?)`;
const PCT = String.raw`${NUM}%`;
const WORD = String.raw`[\w'’-]+`;
const MULTIPLE = String.raw`(\d+(?:\.\d+)?|twice|double|triple|thrice|two|three|four|five|six|seven|eight|nine|ten)`;
const WORD_NUMBERS: Readonly<Record<string, number>> = {
  twice: 2,
  double: 2,
  two: 2,
  triple: 3,
  thrice: 3,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const UNDER = /(?:under|less than|fewer than|below|at most|up to|not even|no more than)\s*$/;
const OVER = /(?:more than|over|at least|above|upwards of|in excess of)\s*$/;

const SUCCESS = [
  new RegExp(
    String.raw`${PCT} of (?:${WORD} ){0,3}?predictions? (?:were |was |are |is |had been )?(?:followed by|matched|resulted in|led to|came true|correct|accurate|right|hit|lined up with|borne out)`,
  ),
  new RegExp(String.raw`success rate(?: of| was| is| =|:| under| below| less than| about| around| roughly| just| only| at)* ${PCT}`),
  new RegExp(String.raw`${PCT} success rate`),
];
const CAPTURE = new RegExp(
  String.raw`${PCT}(?: of)? (?:${WORD} ){0,6}?(?:in|within|on|across|covering|from|inside|using|by flagging|by patrolling)(?: (?:just|only|a|mere|the|an|roughly|about|around|top))* ${PCT}`,
);
const CAPTURE_REVERSED = new RegExp(
  String.raw`${PCT} of (?:the |its |a )?(?:${WORD} ){0,3}?(?:area|city|land|map|places|locations|territory|streets|segments|blocks|cells|hotspots)\S* (?:accounts? for|holds?|contains?|sees?|saw|captures?|had|has|produces?|experienced?) (?:about |around |roughly |nearly |almost |over |more than )*${PCT}`,
);
const PAI = new RegExp(
  String.raw`\b(?:pai|predictive accuracy index)\b(?: (?:of|was|is|=|:|reached|reaches|around|about|above|over|up to|near|nearly))*:? ${NUM}(?!%)`,
);
const MULTIPLE_OF = new RegExp(
  String.raw`${MULTIPLE}(?: ?(?:x|times|-fold|fold))? (?:better|more accurate|more effective|more|as (?:accurate|good|effective|well|much(?: ${WORD})?|many(?: ${WORD})?))(?: ${WORD}){0,2}? (?:than|as|compared (?:to|with)) (?:${WORD} ){0,4}?(random(?:ly)?|chance|hot ?spot\w*|crime analysts?|analysts?|best practice|kernel density|kde|crime maps?|cops|(?:police )?officers|detectives)\b`,
);
const ACCURACY = [
  new RegExp(String.raw`${PCT} (?:accurate|accuracy|accurately|correct)`),
  new RegExp(String.raw`accura(?:te|cy)(?: rate)?(?: of| is| was| =|:| at| reaching| reaches| above| around| about| over| up to| nearly| near)* ${PCT}`),
];
const PREDICTS =
  /\b(?:predict\w*|forecast\w*|anticipat\w*|predecir|predice|predicción|prevenir|anticipar)\b.*\b(?:crime\w*|criminal\w*|offen[cs]\w*|delito\w*|crímenes|crimenes|incidents?|violence|shootings?)\b/;
const COVERAGE = new RegExp(
  String.raw`(?:\bat|\bin|\bwithin|\bon|\bcovering|\bfor|\busing|\bwith|\bflagging)(?: (?:just|only|the top|top|a|the|an|mere))* ${PCT}(?! of (?:${WORD} ){0,3}?(?:incidents|crimes?|offen[cs]es|predictions|burglar\w*|shootings|events|calls))`,
);

/** The longest claim text `parseClaim` reads, in characters. */
export const MAX_CLAIM_LENGTH = 2_000;

/**
 * Reads a claim stated in one of the forms of `CLAIM_FORMS` into its metric, value and area
 * (`Claim`), each null where the claim leaves it open. Percentages become fractions; "per cent",
 * "percent" and decimal commas ("0,5 %") are read; "twice", "three times" are numbers; "under",
 * "fewer than", "more than" before the value are kept as its bound. The area comes from the
 * form itself ("in 3 % of the area") or from "at/in/within Y %" elsewhere in the text.
 * Throws an InputError ('claim-unrecognised', field 'claim') listing the forms when the text
 * matches none, and ('claim-invalid') when a figure is out of range (a share above 100 %, an
 * area of 0).
 * @example parseClaim('Our AI predicts 40 % of crimes in 3 % of the city')
 * // → { kind: 'capture', metric: 'hitRate', value: 0.4, coverage: 0.03, bound: 'about', … }
 */
export function parseClaim(text: string): Claim {
  // Claims are a sentence or two; a cap keeps a pasted document from meeting the patterns' backtracking.
  if (text.length > MAX_CLAIM_LENGTH) {
    throw new InputError(
      `the claim is ${text.length.toLocaleString('en-US')} characters long: the checker reads at most ${MAX_CLAIM_LENGTH.toLocaleString('en-US')} (a sentence or two)`,
      {
        code: 'claim-invalid',
        field: 'claim',
      },
    );
  }
  const s = normalise(text);
  const make = (kind: ClaimKind, metric: ClaimMetric | null, value: number | null, coverage: number | null, at = -1): Claim =>
    checked({ text: text.trim(), kind, metric, value, coverage, bound: at < 0 ? 'about' : boundBefore(s, at) });

  for (const pattern of SUCCESS) {
    const m = pattern.exec(s);
    if (m) return make('success-rate', 'precision', percent(m[1]), coverageIn(s, m), m.index + m[0].indexOf(m[1]));
  }
  let m = CAPTURE.exec(s);
  if (m) return make('capture', 'hitRate', percent(m[1]), percent(m[2]), m.index);
  m = CAPTURE_REVERSED.exec(s);
  if (m) return make('capture', 'hitRate', percent(m[2]), percent(m[1]), m.index + m[0].lastIndexOf(m[2]));
  m = PAI.exec(s);
  if (m) return make('pai', 'pai', Number(m[1]), coverageIn(s, m), m.index + m[0].lastIndexOf(m[1]));
  m = MULTIPLE_OF.exec(s);
  if (m) {
    const random = /^(?:random|chance)/.test(m[2]);
    return make(
      random ? 'random-multiple' : 'hotspot-multiple',
      random ? 'pai' : 'hotspotRatio',
      WORD_NUMBERS[m[1]] ?? Number(m[1]),
      coverageIn(s, m),
      m.index,
    );
  }
  for (const pattern of ACCURACY) {
    const m = pattern.exec(s);
    if (m) return make('accuracy', null, percent(m[1]), coverageIn(s, m), m.index + m[0].indexOf(m[1]));
  }
  if (!/\d/.test(s) && PREDICTS.test(s)) return make('unquantified', null, null, null);
  throw new InputError(`cannot read the claim "${text.trim()}": it matches none of the forms the checker reads:\n  ${claimFormLines().join('\n  ')}`, {
    code: 'claim-unrecognised',
    field: 'claim',
  });
}

/** Lower case, single spaces, "%" for per cent, "." for a decimal comma, "x" for "×". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\u202f\s]+/g, ' ')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/ ?(?:%|per ?cent\b|por ciento\b)/g, '%')
    .replace(/×/g, 'x')
    .replace(/(\d) ?x\b/g, '$1 x')
    .trim();
}

/** A percentage as a fraction. */
function percent(digits: string): number {
  return Number(digits) / 100;
}

/** The coverage stated elsewhere in the text ("at 5 %", "in the top 1 %"), outside the match of the value. */
function coverageIn(s: string, value: RegExpExecArray): number | null {
  const rest = s.slice(0, value.index) + ' '.repeat(value[0].length) + s.slice(value.index + value[0].length);
  const m = COVERAGE.exec(rest);
  return m ? percent(m[1]) : null;
}

/** The value's bound from the words just before it. */
function boundBefore(s: string, at: number): Claim['bound'] {
  const before = s.slice(Math.max(0, at - 24), at);
  return UNDER.test(before) ? 'under' : OVER.test(before) ? 'over' : 'about';
}

/** The claim, or an InputError naming the figure out of range. */
function checked(claim: Claim): Claim {
  const { value, coverage, metric } = claim;
  const fail = (what: string) => {
    throw new InputError(`the claim "${claim.text}" states ${what}`, { code: 'claim-invalid', field: 'claim' });
  };
  if (coverage !== null && !(coverage > 0 && coverage <= 1)) fail(`an area of ${coverage * 100} %; it must lie in (0 %, 100 %]`);
  if (value !== null && !(value >= 0)) fail(`a value of ${value}`);
  const share = metric === null || metric === 'hitRate' || metric === 'precision' || metric === 'accuracy';
  if (value !== null && share && value > 1) fail(`a share of ${Math.round(value * 1000) / 10} %, above 100 %`);
  return claim;
}
