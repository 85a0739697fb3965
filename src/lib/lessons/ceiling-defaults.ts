import type { CeilingLessonInput } from './ceiling-lesson';

/** The world the ceiling lesson opens on (and a link without settings reproduces). */
export const CEILING_DEFAULTS: CeilingLessonInput = { seed: 1, meanRate: 0.5, concentration: 1, noise: 0.5, excitation: 0.2, reportingSpread: 0.5 };
