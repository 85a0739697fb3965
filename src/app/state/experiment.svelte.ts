import { DEFAULT_PROTOCOL, protocolOf, type Protocol } from '../../lib/evaluate/protocol';
import type { ParamValue } from '../../lib/forecast/model-definition';
import type { WorkerClient } from '../../lib/worker/client';
import type { BackendPreference, Catalogue } from '../../lib/worker/protocol';
import { DEFAULT_MODELS } from '../../lib/pipeline/defaults';
import { setModelParam, toggleModel } from '../model-specs';

/**
 * The Experiment step: the model catalogue (fetched from the worker once), the chosen model
 * specs, the protocol and the backend. Invalid input is kept out of the experiment and
 * reported per control in `errors` (keys: protocol field names, or `model:<id>:<param>`).
 */
export class ExperimentState {
  catalogue = $state.raw<Catalogue | null>(null);
  models = $state.raw<readonly string[]>(DEFAULT_MODELS);
  protocol = $state.raw<Protocol>(DEFAULT_PROTOCOL);
  backend = $state<BackendPreference>('auto');
  errors = $state.raw<Readonly<Record<string, string>>>({});
  private fetching: Promise<Catalogue> | undefined;

  constructor(private readonly client: WorkerClient) {}

  /** Fetches the catalogue (loading the learned models in the worker) on first use. */
  loadCatalogue(): Promise<Catalogue> {
    this.fetching ??= this.client.request('catalogue', {}).then((catalogue) => (this.catalogue = catalogue));
    return this.fetching;
  }

  toggle(id: string, on: boolean): void {
    this.models = toggleModel(this.models, this.catalogue?.models ?? [], id, on);
    // A model switched off (or back on, with its default parameters) has no parameter errors left.
    const prefix = `model:${id}:`;
    if (Object.keys(this.errors).some((key) => key.startsWith(prefix))) {
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([key]) => !key.startsWith(prefix)));
    }
  }

  setParam(index: number, name: string, value: ParamValue): void {
    const spec = this.models[index];
    const info = this.catalogue?.models.find((m) => spec === m.id || spec.startsWith(`${m.id}:`));
    if (!info) return;
    const result = setModelParam(this.models, index, info, name, value);
    this.setError(`model:${info.id}:${name}`, result.error);
    if (result.specs) this.models = result.specs;
  }

  /** Sets one protocol field; a value `protocolOf` rejects is reported under that field and not applied. */
  setProtocol(field: keyof Protocol, value: Protocol[keyof Protocol]): void {
    try {
      this.protocol = protocolOf({ ...this.protocol, [field]: value });
      this.setError(field, undefined);
    } catch (error) {
      this.setError(field, error instanceof Error ? error.message : String(error));
    }
  }

  private setError(key: string, message: string | undefined): void {
    const next = { ...this.errors };
    if (message === undefined) delete next[key];
    else next[key] = message;
    this.errors = next;
  }
}
