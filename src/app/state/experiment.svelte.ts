import { DEFAULT_PROTOCOL, protocolOf, type Protocol } from '../../lib/evaluate/protocol';
import type { ParamValue } from '../../lib/forecast/model-definition';
import type { WorkerClient } from '../../lib/worker/client';
import { isAbort } from '../../lib/worker/client';
import type { BackendPreference, Catalogue, PlanResult } from '../../lib/worker/protocol';
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
  private planned = $state.raw<{ readonly plan: PlanResult; readonly models: readonly string[]; readonly protocol: Protocol } | null>(null);
  /** Why these settings cannot run on the panel (an explicit setting that does not fit, or no model that can). */
  planError = $state<string | null>(null);
  private fetching: Promise<Catalogue> | undefined;

  constructor(private readonly client: WorkerClient) {}

  /** Fetches the catalogue (loading the learned models in the worker) on first use. */
  loadCatalogue(): Promise<Catalogue> {
    this.fetching ??= this.client.request('catalogue', {}).then((catalogue) => (this.catalogue = catalogue));
    return this.fetching;
  }

  /** Asks the worker what these models and protocol would use on the binned panel; call when either, or the panel, changes. */
  async refreshPlan(): Promise<void> {
    const { models, protocol } = this;
    try {
      const plan = await this.client.request('plan', { models, protocol });
      if (models !== this.models || protocol !== this.protocol) return;
      this.planned = { plan, models, protocol };
      this.planError = null;
    } catch (error) {
      if (isAbort(error) || models !== this.models || protocol !== this.protocol) return;
      this.planned = null;
      this.planError = error instanceof Error ? error.message : String(error);
    }
  }

  /** What a run of the current models and protocol would use on the binned panel ('auto' settled, models left out); null until the worker has said. */
  get plan(): PlanResult | null {
    const p = this.planned;
    return p && p.models === this.models && p.protocol === this.protocol ? p.plan : null;
  }

  /** "3 models × 17 folds": the plan's numbers once known, else the settings ('auto'). */
  get runLabel(): string {
    const n = this.plan?.models.length ?? this.models.length;
    return `${n} model${n === 1 ? '' : 's'} × ${this.plan?.folds ?? this.protocol.folds} folds`;
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
