import { describe, expect, it } from 'vitest';
import { timeColumnHint } from './time-hint';

const declared = { value: 'America/Chicago', source: "schema metadata 'occurred_at'" };
const chicago = { reason: "Timestamp column: wall-clock readings; zone America/Chicago from schema metadata 'occurred_at'", declaredZone: declared };

describe('timeColumnHint', () => {
  it("keeps the file's declaration while no other zone is set", () => {
    expect(timeColumnHint(chicago, undefined)).toBe(chicago.reason);
    expect(timeColumnHint(chicago, '')).toBe(chicago.reason);
    expect(timeColumnHint(chicago, 'America/Chicago')).toBe(chicago.reason);
    expect(timeColumnHint(chicago, ' america/chicago ')).toBe(chicago.reason); // Intl takes any case: the same zone
  });

  it("names the user's zone, and what the file declares, once another is set", () => {
    expect(timeColumnHint(chicago, ' Australia/Adelaide ')).toBe(
      "Timestamp column: wall-clock readings; zone Australia/Adelaide, as you set it (the file declares America/Chicago in schema metadata 'occurred_at')",
    );
    expect(timeColumnHint({ reason: 'a date column' }, 'America/New_York')).toBe('a date column; zone America/New_York, as you set it');
  });
});
