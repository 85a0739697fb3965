import type { ModelOrigin } from '../forecast/model-origin';

/**
 * A model's kind as the report's tables label it: 'user code', 'frozen' (a saved model, not
 * refitted), 'external', or its definition's kind.
 * @example modelKindLabel({ kind: 'learned', spec: 'mlp', origin: { kind: 'frozen', … } }) // → 'frozen'
 */
export function modelKindLabel(model: { readonly kind: string; readonly spec: string; readonly origin?: ModelOrigin }): string {
  if (model.origin) return model.origin.kind === 'user-code' ? 'user code' : 'frozen';
  return model.spec.startsWith('external:') ? 'external' : model.kind;
}

/**
 * One sentence on where a model that is not built in came from, for the report's renderings.
 * @example originText({ kind: 'user-code', file: 'm.ts', sha256: 'ab12' }) // → "user code from m.ts (SHA-256 ab12), scored like every model"
 */
export function originText(origin: ModelOrigin): string {
  if (origin.kind === 'user-code') return `user code from ${origin.file} (SHA-256 ${origin.sha256}), scored like every model`;
  const t = origin.trainedOn;
  return (
    `frozen: ${origin.model} saved in ${origin.file} (SHA-256 ${origin.sha256}), trained on ${t.first.slice(0, 10)} … ${t.last.slice(0, 10)} ` +
    `(${t.periods} periods, ${t.cells} cells) and never refitted: each fold only conditions it on the history before its cutoff`
  );
}
