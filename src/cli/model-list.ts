import { parseModelSpec, type ModelDefinition, type ModelSpec } from '../lib/forecast/model-definition';
import { UsageError } from './usage-error';

/**
 * Parses `--models`: comma-separated specs (`id[:key=value…]`), where `baselines`, `learned`
 * and `all` stand for every model of that kind with default parameters.
 * @example parseModelList('naive,ewma:alpha=0.5', defs) // → [{ id: 'naive', … }, { id: 'ewma', params: { alpha: 0.5 } }]
 */
export function parseModelList(text: string, definitions: readonly ModelDefinition[]): ModelSpec[] {
  const out: ModelSpec[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (part === 'baselines' || part === 'learned' || part === 'all') {
      for (const d of definitions) if (part === 'all' || (part === 'baselines' ? d.kind === 'baseline' : d.kind === 'learned')) out.push({ id: d.id, params: {} });
      continue;
    }
    let spec: ModelSpec;
    try {
      spec = parseModelSpec(part);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (!definitions.some((d) => d.id === spec.id)) {
      throw new UsageError(`unknown model '${spec.id}' in --models; known: ${definitions.map((d) => d.id).join(', ')} (or baselines, learned, all)`);
    }
    out.push(spec);
  }
  if (out.length === 0) throw new UsageError('--models lists no model');
  return out;
}
