/**
 * # Do learned models beat the baselines on real data?
 *
 * Reproduces the README's two tables: every model (8 baselines, the SEPP and 4 tfjs models)
 * on Chicago burglary and on the Portland NIJ calls for service, H3 resolution 8, weekly,
 * 26 one-week folds. The same runs as
 *
 *   hexcast backtest ../shared/data/chicago-crimes-2014-2018.arrow --category BURGLARY \
 *     --res 8 --bucket week --folds 26 --models all --out chicago.json
 *   hexcast backtest ../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow \
 *     --x x_coordinate --y y_coordinate --crs EPSG:2913 --tz America/Los_Angeles \
 *     --res 8 --bucket week --folds 26 --models all --out portland.json
 *
 * Run: `npm run notebooks -- real-data` (about eight minutes on two cores).
 */
import { readFileSync } from 'node:fs';
import { protocolOf } from '../src/lib/evaluate/protocol';
import type { Report } from '../src/lib/evaluate/report';
import type { ColumnMapping } from '../src/lib/io/column-mapping';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { openFiles } from '../src/lib/pipeline/load';
import { preparePanel } from '../src/lib/pipeline/prepare-panel';
import { applyBoundary } from '../src/lib/pipeline/region';
import { resolveModels, runBacktest } from '../src/lib/pipeline/run';
import { capturePlot } from '../src/lib/plots/capture-plot';
import { HEXCAST_VERSION, LIBRARY_VERSIONS } from '../src/lib/base/versions';
import { modelTableMarkdown } from './model-table';
import { escapeMarkdown } from '../src/lib/base/escape-markdown';
import { Notebook } from './notebook';

const models = await resolveModels(['all']);

/** One file through the pipeline's stages, as `hexcast backtest … --models all` runs it. */
async function run(file: string, mapping: (detected: ColumnMapping | null) => ColumnMapping): Promise<Report> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../shared/data/${file}`, import.meta.url)));
  const { sources, sha256 } = await openFiles([{ name: file, bytes }]);
  const prepared = preparePanel(sources, sha256, { mapping: mapping(detectMapping(sources).mapping), bin: { res: 8, unit: 'week' } });
  const { report } = await runBacktest(
    prepared.binned,
    applyBoundary(prepared.panel, undefined),
    {
      models,
      protocol: protocolOf({ horizon: 1, folds: 26 }),
      environment: { hexcast: HEXCAST_VERSION, runtime: `node ${process.version}`, libraries: LIBRARY_VERSIONS },
      timings: prepared.timings,
    },
    {
      onProgress: (p) => p.fold === p.folds && console.log(`  ${file}: ${p.model} done`),
    },
  );
  return report;
}

function table(book: Notebook, report: Report): void {
  book.text(modelTableMarkdown(report));
}

const book = new Notebook('real-data', 'Do learned models beat the baselines on real data?');
const chicago = await run('chicago-crimes-2014-2018.arrow', (m) => ({ ...m!, categories: ['BURGLARY'] }));
book.text(
  `## Chicago burglary, 2014–2018\n\n${chicago.panel.cells} cells × ${chicago.panel.periods} weeks; folds ${chicago.cutoffs[0].testStart} … ${chicago.cutoffs.at(-1)!.testEnd}.`,
);
table(book, chicago);
book.text(`_${escapeMarkdown(chicago.summary.headline)}_ ${escapeMarkdown(chicago.summary.caveats.join(' '))}`);
book.chart(capturePlot(chicago.models, { maxCoverage: 0.2 }), 'Chicago burglary: capture curves');
const portland = await run('portland-nij-burglary-vehicle-2012-2017.arrow', () => ({
  time: { column: 'occ_date', timeZone: 'America/Los_Angeles' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
}));
book.text(
  `## Portland burglary and vehicle theft (NIJ challenge), 2012–2017\n\n${portland.panel.cells} cells × ${portland.panel.periods} weeks; folds ${portland.cutoffs[0].testStart} … ${portland.cutoffs.at(-1)!.testEnd}.`,
);
table(book, portland);
book.text(`_${escapeMarkdown(portland.summary.headline)}_ ${escapeMarkdown(portland.summary.caveats.join(' '))}`);
book.chart(capturePlot(portland.models, { maxCoverage: 0.2 }), 'Portland: capture curves');
console.log(`wrote ${book.save()}`);
