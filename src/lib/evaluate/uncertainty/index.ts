/**
 * The public uncertainty API: bootstrap intervals over folds and the Diebold–Mariano test,
 * with the Student-t distribution they rest on.
 */
export { foldInterval, type FoldInterval, type FoldIntervalOptions } from './fold-interval';
export { dieboldMariano, type DieboldMariano } from './diebold-mariano';
export { studentTCdf, studentTTwoSided } from './student-t';
export { regularizedBeta } from './regularized-beta';
export { logGamma } from './log-gamma';
