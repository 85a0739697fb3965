import { describe, expect, it } from 'vitest';
import { REMEDY_PHRASES, remedyWith, wordRemedies } from './load-remedies';

describe('wordRemedies', () => {
  it("replaces each neutral phrase with a shell's words and leaves other text alone", () => {
    const words = { ...REMEDY_PHRASES, declareZone: 'use --tz', dropDuplicates: 'use --duplicates drop' };
    expect(wordRemedies(`a; ${REMEDY_PHRASES.declareZone}`, words)).toBe('a; use --tz');
    expect(wordRemedies(`b: kept; ${REMEDY_PHRASES.dropDuplicates}`, words)).toBe('b: kept; use --duplicates drop');
    expect(wordRemedies('values look projected', words)).toBe('values look projected');
  });

  it("words a phrase that names a value (a grid that fits) with the value where the shell's words say {value}", () => {
    const words = { ...REMEDY_PHRASES, coarserBucket: '--bucket {value}', coarserRes: 'the H3 resolution set to {value}' };
    const neutral = `coarser that fits: ${remedyWith('coarserBucket', 'day')} (401 day periods) or ${remedyWith('coarserRes', 4)} (≈ 1 cell)`;
    expect(neutral).toBe('coarser that fits: the time bucket setting at day (401 day periods) or the resolution setting at 4 (≈ 1 cell)');
    expect(wordRemedies(neutral, words)).toBe('coarser that fits: --bucket day (401 day periods) or the H3 resolution set to 4 (≈ 1 cell)');
    expect(wordRemedies(neutral, REMEDY_PHRASES)).toBe(neutral); // the neutral phrases word themselves
    expect(wordRemedies('choose a coarser resolution or a longer time bucket', words)).toBe('choose a coarser resolution or a longer time bucket');
  });
});
