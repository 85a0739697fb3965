import { formatNumber, formatPercent } from '../../base/format-number';
import { Markdown, joinMarkdown, mdText } from '../../base/markdown-template';
import { coverageKey } from '../metric-catalogue';
import { formatRatio, formatShare, reportNumber } from './exposure-format';
import type { ReportExposure } from './report-exposure';

/**
 * The report's "Who gets flagged" section as Markdown lines: the area file and its coverage of
 * the study region, the population and recorded-incident shares, one table per coverage level
 * (each group's share of the flags and its ratio to the population share, with fold intervals;
 * persistence, Gini, distinct cells) for every model, the hindsight oracle and random
 * selection, then the rule and what the numbers cannot show, with sources. Group names and the
 * file name come from the user's file and go through `mdText`.
 * @example exposureMarkdown(report.exposure)[0] // → '## Who gets flagged'
 */
export function exposureMarkdown(exposure: ReportExposure): (Markdown | '')[] {
  const out: (Markdown | '')[] = [mdText`## Who gets flagged`, ''];
  const count = (x: number): string => Math.round(x).toLocaleString('en-US');
  out.push(
    mdText`Population groups from ${exposure.source}: ${exposure.groups.join(', ')}. The groups the file names hold ${formatPercent(reportNumber(exposure.groupsOfTotal))} of its total population column in the study region; shares are of the whole total, and a 'rest of' group holds the people no named group counts. ${exposure.method}`,
    '',
    mdText`The area file covers ${formatPercent(reportNumber(exposure.coveredShare))} of the study region's area; ${count(exposure.populatedCells)} of ${count(exposure.regionCells)} region cells have population, ${count(exposure.uncoveredCells)} are outside every polygon. ${formatPercent(reportNumber(exposure.unassignedIncidents))} of the test-span incidents fell in cells without population and count for no group.`,
    '',
  );
  out.push(mdText`| Group | Population | Population share | Share of recorded incidents |`, mdText`|---|---:|---:|---:|`);
  exposure.groups.forEach((group, g) => {
    out.push(
      mdText`| ${group} | ${count(exposure.population[g])} | ${formatPercent(reportNumber(exposure.populationShare[g]))} | ${formatShare(exposure.incidentShare[g])} |`,
    );
  });
  out.push('');
  for (const c of exposure.coverage) {
    const key = coverageKey(c);
    out.push(mdText`### Flags on ${formatPercent(c)} of the area`, '');
    out.push(
      mdText`| Selection | ${joinMarkdown(
        exposure.groups.map((g) => mdText`${g}: share of flags (× population share)`),
        ' | ',
      )} | Persistent flags | Gini | Cells ever flagged |`,
    );
    out.push(mdText`|---|${new Markdown(exposure.groups.map(() => '---:|').join(''))}---:|---:|---:|`);
    for (const selection of exposure.selections) {
      const at = selection.coverage[key];
      const groups = exposure.groups.map((_, g) => mdText`${formatShare(at.share[g])} (${formatRatio(at.ratio[g])})`);
      const distinct =
        selection.kind === 'random'
          ? `${formatNumber(at.distinctCells)} (expected)`
          : at.distinctCells === at.distinctWhole
            ? count(at.distinctCells)
            : `${count(at.distinctWhole)}–${count(at.distinctCells)} (ties)`;
      out.push(
        mdText`| ${selection.name} | ${joinMarkdown(groups, ' | ')} | ${formatPercent(reportNumber(at.persistence))} | ${formatNumber(reportNumber(at.gini))} | ${distinct} |`,
      );
    }
    out.push('');
  }
  out.push(
    mdText`Share of flags: mean over folds [95 % block-bootstrap interval over folds, in %]; × population share: the same share divided by the group's share of the population (1 = in proportion). Persistence, Gini and cells ever flagged are over all ${count(exposure.steps)} tested periods.`,
    '',
    mdText`${exposure.rule}`,
    '',
    mdText`**What these numbers can and cannot show.** ${exposure.caveat}`,
    '',
  );
  for (const source of exposure.sources) out.push(mdText`- ${source}`);
  out.push('');
  return out;
}
