import { describe, expect, it } from 'vitest';
import { REMEDY_PHRASES, wordRemedies } from './load-remedies';

describe('wordRemedies', () => {
  it("replaces each neutral phrase with a shell's words and leaves other text alone", () => {
    const words = { ...REMEDY_PHRASES, declareZone: 'use --tz', dropDuplicates: 'use --duplicates drop' };
    expect(wordRemedies(`a; ${REMEDY_PHRASES.declareZone}`, words)).toBe('a; use --tz');
    expect(wordRemedies(`b: kept; ${REMEDY_PHRASES.dropDuplicates}`, words)).toBe('b: kept; use --duplicates drop');
    expect(wordRemedies('values look projected', words)).toBe('values look projected');
  });
});
