// The feedback lesson's fixed world, in a module that imports nothing, so the app's main thread can print them.

/** Months simulated in all. */
export const FEEDBACK_MONTHS = 48;
/** The first months, without patrols: the model learns from unbiased records. */
export const FEEDBACK_WARMUP = 6;
/** Probability that an incident is recorded where no patrol is. */
export const FEEDBACK_UNPATROLLED = 0.3;
