import { HexcastError } from '../lib/base/hexcast-error';
import { escapeTerminal } from '../lib/base/escape-terminal';
import { ALL_MODELS } from '../lib/forecast/models';
import { checkModelDefinition } from '../lib/model-api/check-model-definition';
import type { ContractCheck } from '../lib/model-api/check-forecaster';
import { loadModelFiles } from './load-model-files';
import { parseFlags } from './parse-flags';
import { UsageError } from './usage-error';

const USAGE = `Usage: hexcast check-model FILE [--json]

Loads a model file (TypeScript or JavaScript exporting a model definition; see
docs/own-model.md) and runs the Forecaster contract test every built-in model passes, on a
synthetic panel of 19 cells × 80 weeks: its name and minimum history, the shape of its
forecasts (horizon × cells), finite values ≥ 0, the same forecasts for the same seed, and no
reads past the cutoff (counts after it redrawn; incidents after it moved, added, deleted).
Prints each check in plain words; exits 1 when one fails.

  --json   the checks as JSON on stdout
`;

/** `hexcast check-model`: the Forecaster contract test on a user's model file. */
export async function checkModelCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(`give one model file, got ${positionals.length}`);
  const [path] = positionals;
  const definitions = await loadModelFiles([path], ALL_MODELS);
  const results: { id: string; checks: ContractCheck[] }[] = [];
  for (const definition of definitions) results.push({ id: definition.id, checks: await checkModelDefinition(definition) });
  const sha256 = definitions[0].origin?.kind === 'user-code' ? definitions[0].origin.sha256 : '';
  if (values.json) process.stdout.write(`${JSON.stringify({ file: path, sha256, models: results }, null, 2)}\n`);
  else process.stdout.write(checkLines(path, sha256, results).join('\n') + '\n');
  const failed = results.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `${r.id}: ${c.id}`));
  if (failed.length > 0) {
    throw new HexcastError('model-contract', `${path} fails ${failed.length} contract check${failed.length > 1 ? 's' : ''} (${failed.join(', ')})`, {
      file: path,
    });
  }
}

/**
 * The checks as lines for a terminal: ✓ or ✗, the check, and what was found.
 * @example checkLines('m.ts', 'ab…', [{ id: 'm', checks }])[1] // → "model 'm'"
 */
export function checkLines(path: string, sha256: string, results: readonly { id: string; checks: readonly ContractCheck[] }[]): string[] {
  const lines = [escapeTerminal(`${path} (SHA-256 ${sha256})`)];
  for (const { id, checks } of results) {
    lines.push(`model '${id}'`);
    for (const check of checks) lines.push(escapeTerminal(`  ${check.ok ? '✓' : '✗'} ${check.title}: ${check.detail}`));
    const failed = checks.filter((c) => !c.ok).length;
    lines.push(failed === 0 ? `  all ${checks.length} checks pass` : `  ${failed} of ${checks.length} checks fail`);
  }
  return lines;
}
