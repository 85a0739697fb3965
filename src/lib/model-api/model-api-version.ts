/**
 * The version of the model API (src/lib/model-api/index.ts): the `ModelDefinition`/`Forecaster`
 * contract user code is written against. It goes up when a change could break a user's model;
 * a module may stamp its definitions with it (`defineModel`) and is then refused, with a message
 * saying both versions, by a Hexcast that reads another.
 */
export const HEXCAST_MODEL_API = 1;
