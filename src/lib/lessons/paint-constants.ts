// The paint lesson's fixed settings, in a module that imports nothing, so the app's main thread can use them.

/** The share of the study region's cells the learner may pick (the coverage budget). */
export const PAINT_COVERAGE = 0.05;
/** Periods of history the map shows before the cutoff (the recent counts). */
export const PAINT_RECENT = 8;
/** The earliest cutoff keeps at least this many periods of history (KDE's 13-week window and then some). */
export const PAINT_MIN_HISTORY = 26;
