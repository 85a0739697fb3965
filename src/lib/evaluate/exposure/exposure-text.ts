import { PERSISTENCE_THRESHOLD } from './flag-concentration';

/** How exposure is measured, in sentences a report can quote. */
export const EXPOSURE_RULE =
  'Each forecast step flags cells by the hotspot rule; a group’s exposure is the population of that group under the flags (w·n for a cell flagged in share w, population taken as spread evenly over the cell), summed over the steps of a fold; its share is that over all groups’ exposure. ' +
  'Recorded incidents are split among groups by each cell’s population composition. ' +
  'Tied cells at the boundary are flagged in equal shares (the expectation over every order of the tied cells), so neither cell order nor the tie rule decides a share. ' +
  `Persistence is the share of flags on cells flagged in at least ${PERSISTENCE_THRESHOLD * 100} % of the tested periods; Gini is over the flag counts of all study-region cells. ` +
  'The hindsight oracle flags, each period, the cells with the most incidents that did happen (same rule, same area). ' +
  'Random selection flags a fresh uniformly random c·A each period; its exposure share equals the population share exactly, and its persistence, Gini and distinct cells are expectations computed analytically.';

/** The sources behind the caveat, as citations. */
export const EXPOSURE_SOURCES: readonly string[] = [
  'Lum, K. & Isaac, W. (2016). To predict and serve? Significance 13(5):14–19.',
  'Ensign, D., Friedler, S. A., Neville, S., Scheidegger, C. & Venkatasubramanian, S. (2018). Runaway feedback loops in predictive policing. Proceedings of the 1st Conference on Fairness, Accountability and Transparency, PMLR 81:160–171.',
  'Sankin, A., Mehrotra, D., Mattu, S. & Gilbertson, A. (2021). Crime Prediction Software Promised to Be Free of Biases. New Data Shows It Perpetuates Them. The Markup / Gizmodo, 2 December 2021.',
  'Sankin, A. & Mattu, S. (2023). Predictive Policing Software Terrible at Predicting Crimes. The Markup / WIRED, 2 October 2023 (Plainfield, New Jersey).',
];

/** What the exposure numbers can and cannot show, in one paragraph for reports. */
export const EXPOSURE_CAVEAT =
  'These numbers say where the flags fall, not whether anyone is harmed or protected by them: exposure to a flag is not harm, and a flag is not a patrol. ' +
  'The incidents every model learns from are recorded incidents, and where police looked in the past shapes what was recorded (Lum & Isaac 2016): a group’s share of recorded incidents is not its share of crime. ' +
  'Comparing a model with the hindsight oracle separates what the recorded incidents themselves imply from what the model adds; comparing with random selection shows the disparity of flagging area at random (none). ' +
  'When flags direct patrols and patrols record more where they are, the data confirm the flags and the disparity can grow (Ensign et al. 2018); a backtest on past records cannot show that loop. ' +
  'The Markup found one vendor’s predictions concentrated in Black and Latino, lower-income block groups across 38 agencies (2021) and, in Plainfield, rarely matching a later reported crime (2023). ' +
  'Census populations are residents: people who work in or pass through a flagged cell are not counted.';
