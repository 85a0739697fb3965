import { readFile } from 'node:fs/promises';
import type { Report } from '../lib/evaluate/report';
import { REPORT_VERSION } from '../lib/evaluate/report';
import { InputError } from '../lib/io/input-error';
import { parseFlags } from './parse-flags';
import { UsageError } from './usage-error';
import { outputPaths } from './output-paths';
import { assertWritable } from './write-all-or-nothing';

const USAGE = `Usage: hexcast report report.json [--md report.md] [--html report.html]

Re-renders a JSON report written by 'hexcast backtest' (or exported from the app) as
Markdown (chart SVGs beside it) and/or standalone HTML.
`;

/** `hexcast report`: JSON report → Markdown / HTML. */
export async function reportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, { md: { type: 'string' }, html: { type: 'string' } });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one report.json');
  if (!values.md && !values.html) throw new UsageError('nothing to write: give --md FILE and/or --html FILE');
  const path = positionals[0];
  await assertWritable(outputPaths(values));
  let report: Report;
  try {
    report = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read '${path}' as a JSON report: ${(error as Error).message}`, { code: 'report-invalid', file: path });
  }
  if (report?.format !== 'hexcast-report')
    throw new InputError(`'${path}' is not a Hexcast report (no "format": "hexcast-report")`, { code: 'report-invalid', file: path });
  if (report.version !== REPORT_VERSION)
    throw new InputError(`'${path}' is report version ${report.version}; this hexcast reads version ${REPORT_VERSION}`, { code: 'report-invalid', file: path });
  const { writeRenderings } = await import('./write-renderings');
  const written = await writeRenderings(report, values);
  process.stderr.write(`wrote ${written.join(', ')}\n`);
}
