/**
 * Where a model that is not built in came from, carried by its definition into the report:
 * a user's code file (`--model-file`), or a model fitted earlier and saved (`--frozen-model`),
 * which forecasts with the weights it was saved with and is never refitted.
 */
export type ModelOrigin =
  | {
      readonly kind: 'user-code';
      /** The file's name as given. */
      readonly file: string;
      /** SHA-256 (hex) of the file's bytes: the report names exactly the code that ran. */
      readonly sha256: string;
    }
  | {
      readonly kind: 'frozen';
      readonly file: string;
      readonly sha256: string;
      /** The spec of the model that was fitted ('poisson-glm', 'mlp:hidden=16'). */
      readonly model: string;
      /** The span it was trained on: first and last training period (ISO), their count and the cells. */
      readonly trainedOn: { readonly first: string; readonly last: string; readonly periods: number; readonly cells: number };
    };
