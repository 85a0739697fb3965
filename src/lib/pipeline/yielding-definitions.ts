import { throwIfAborted, type Forecaster } from '../forecast/forecaster';
import type { ModelDefinition } from '../forecast/model-definition';
import { nextTask } from './next-task';

/**
 * Wraps model definitions so that every `fit` first yields to the event loop. A baseline fits
 * synchronously, so without this a backtest would hold the worker for its whole run and a
 * 'cancel' message could only be read after the work it should have stopped.
 */
export function yieldingDefinitions(definitions: readonly ModelDefinition[]): ModelDefinition[] {
  return definitions.map((definition) => ({ ...definition, create: (params, context) => yielding(definition.create(params, context)) }));
}

function yielding(model: Forecaster): Forecaster {
  return {
    name: model.name,
    minHistory: model.minHistory,
    usesValidation: model.usesValidation,
    neighbourRings: model.neighbourRings,
    cost: model.cost,
    async fit(history, options) {
      await nextTask();
      throwIfAborted(options.signal);
      await model.fit(history, options);
    },
    update: model.update ? (history) => model.update!(history) : undefined,
    predict: (horizon) => model.predict(horizon),
    trainingLog: model.trainingLog ? () => model.trainingLog!() : undefined,
    dispose: model.dispose ? () => model.dispose!() : undefined,
  };
}
