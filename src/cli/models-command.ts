import { loadAllModels, modelInfo } from '../lib/forecast/models';
import { parseFlags } from './parse-flags';

const USAGE = `Usage: hexcast models [--json]

Lists every model (baselines and learned) with its parameters and defaults. Use them in
'hexcast backtest --models' as id[:key=value…], e.g. ewma:alpha=0.5,kde:window=8:rings=2.
`;

/** `hexcast models`: the catalogue of forecasters and their parameters. */
export async function modelsCommand(argv: string[]): Promise<void> {
  const { values } = parseFlags(argv, { json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const all = await loadAllModels();
  if (values.json) {
    process.stdout.write(`${JSON.stringify(all.map(modelInfo), null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  for (const model of all) {
    lines.push(`${model.id}  (${model.kind}) ${model.label}`, `    ${model.summary}`);
    for (const p of model.params) {
      const range =
        p.type === 'choice' ? ` one of ${p.choices?.join('|')}` : p.min !== undefined || p.max !== undefined ? ` in [${p.min ?? '-∞'}, ${p.max ?? '∞'}]` : '';
      lines.push(`    ${p.name}=${p.default}${range}: ${p.doc}`);
    }
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
}
