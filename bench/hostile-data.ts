/**
 * Issue 16's speed side of the hostile-data table (docs/robustness.md): the core stays fast on
 * 100,000 distinct categories (load, summarise, a filter ticking 99,999 of them), on 2,000 columns
 * (mapping detection), and on one row dated in the year 100,000 binned by hour (which killed Node).
 * Targets: each under 2 s in Node on this machine.
 */
import { Float64, type Vector } from 'apache-arrow';
import { binIncidents } from '../src/lib/grid/bin-incidents';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { loadIncidents } from '../src/lib/io/load-incidents';
import { summariseIncidents } from '../src/lib/io/summarise-incidents';
import { column } from '../test/fixtures/io/arrow-fixtures';
import { manyCategories, plainfield, PLAINFIELD_MAPPING, plainfieldTimes, source, timestamps, withColumns } from '../test/fixtures/hostile-tables';
import { emit, peakRssMb, timed } from './measure';

const n = 200_000;
const many = manyCategories(n, 100_000);
const mapping = { ...PLAINFIELD_MAPPING, category: 'category' };
const [incidents, loadMs] = await timed(() => loadIncidents([source(many)], mapping));
const [, summariseMs] = await timed(() => summariseIncidents(incidents));
const ticked = Array.from({ length: 99_999 }, (_, i) => `category ${i + 1}`);
const [, filterMs] = await timed(() => loadIncidents([source(many)], { ...mapping, categories: ticked }));

const extra: Record<string, Vector> = {};
for (let i = 0; i < 1_990; i++) extra[`measure_${i}`] = column(new Float64(), new Array<number>(plainfield.numRows).fill(1.5));
const wide = withColumns(extra);
const [, detectMs] = await timed(() => detectMapping(source(wide)));

const times = plainfieldTimes();
times[100] = BigInt(Date.UTC(100000, 5, 1));
const far = loadIncidents([source(withColumns({ occurred_at: timestamps(times) }))], PLAINFIELD_MAPPING);
const [, farBinMs] = await timed(() => binIncidents(far, { res: 8, unit: 'hour' }));

emit({
  name: 'hostile data: 100,000 categories, 2,000 columns, a year-100,000 row by hour',
  categoryRows: n,
  categories: incidents.categories.length,
  loadMs,
  summariseMs,
  filter99999Ms: filterMs,
  detect2000ColumnsMs: detectMs,
  farFutureHourBinMs: farBinMs,
  peakRssMb: peakRssMb(),
  targetMs: 2000,
});
