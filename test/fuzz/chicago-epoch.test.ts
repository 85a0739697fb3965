import { fuzzSuite } from './fuzz-suite';

// Seeded mutations of a 300-row slice (see fuzz-harness.ts); rerun one case with FUZZ_CASE=chicago-epoch:INDEX.
fuzzSuite('chicago-epoch', 2_600);
