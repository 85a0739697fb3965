import { describe, expect, it } from 'vitest';
import { zoneProblem } from './zone-problem';

describe('zoneProblem', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['UTC', null],
    ['America/Chicago', null],
    [' Asia/Tokyo ', null],
    ['America/Chicgo', "'America/Chicgo' is not a time zone this browser knows: did you mean America/Chicago?"],
    ['Adelaide', "'Adelaide' is not a time zone this browser knows: did you mean Australia/Adelaide?"],
    ['Eastern', "'Eastern' is not a time zone this browser knows: did you mean Canada/Eastern or US/Eastern?"],
    ['Argentina/Buenos_Aires', "'Argentina/Buenos_Aires' is not a time zone this browser knows: did you mean America/Argentina/Buenos_Aires?"],
    ['+05:30', "'+05:30' is not a time zone this browser knows: use an IANA name such as America/Chicago."],
  ])('zoneProblem(%j) is %j', (text, problem) => {
    expect(zoneProblem(text)).toBe(problem);
  });
});
