import { fuzzSuite } from './fuzz-suite';

// Seeded mutations of a 300-row slice (see fuzz-harness.ts); rerun one case with FUZZ_CASE=portland:INDEX.
fuzzSuite('portland', 2_600);
