import { readBuildSpec, writeBuildSpec } from '../../lib/forecast/builder/build-spec';
import { setFeature, type FeatureGuide } from '../../lib/forecast/builder/feature-guide';
import type { ParamValue } from '../../lib/forecast/model-definition';
import type { WorkerClient } from '../../lib/worker/client';
import { isAbort } from '../../lib/worker/client';
import type { FeaturePreview } from '../../lib/worker/protocol';
import type { ExperimentState } from './experiment.svelte';

/**
 * The model builder's form: the spec being built (as parameter values), the feature preview
 * of one cell from the worker, and adding the model to (or updating it in) the experiment's
 * model list, where it runs beside the baselines and lives in the link like any spec.
 */
export class BuilderState {
  values = $state.raw<Readonly<Record<string, ParamValue>>>(readBuildSpec('build'));
  /** Index in the experiment's models of the spec being edited; null: a new model. */
  editing = $state<number | null>(null);
  preview = $state.raw<FeaturePreview | null>(null);
  previewCell = $state<number | null>(null);
  error = $state<string | null>(null);
  previewError = $state<string | null>(null);

  constructor(
    private readonly client: WorkerClient,
    private readonly experiment: ExperimentState,
  ) {}

  /** The spec of the form as it stands (canonical), or null while it is invalid. */
  get spec(): string | null {
    try {
      return writeBuildSpec(this.values);
    } catch {
      return null;
    }
  }

  /** Indexes of the built models in the experiment's list. */
  get built(): number[] {
    return this.experiment.models.flatMap((spec, i) => (spec === 'build' || spec.startsWith('build:') ? [i] : []));
  }

  /** The spec of the experiment's model at `index`. */
  specAt(index: number): string {
    return this.experiment.models[index] ?? '';
  }

  /** Sets one parameter; an invalid value is reported in `error` and not applied. */
  setParam(name: string, value: ParamValue): void {
    this.apply({ ...this.values, [name]: value });
  }

  /** Turns a feature row on with these numbers, or off (null). */
  setFeature(guide: FeatureGuide, numbers: readonly number[] | null): void {
    try {
      this.apply({ ...this.values, features: setFeature(String(this.values.features), guide, numbers) });
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Replaces the whole spec from text (the spec field). */
  setSpec(text: string): void {
    try {
      this.values = readBuildSpec(text.trim());
      this.error = null;
      void this.refreshPreview();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Adds the model to the experiment (or updates the one being edited) and starts a new one. */
  commit(): void {
    const spec = this.spec;
    if (!spec) return;
    const models = [...this.experiment.models];
    const clash = models.findIndex((s, i) => s === spec && i !== this.editing);
    if (clash >= 0) {
      this.error = 'This model is already in the list: change a feature, a setting or its name.';
      return;
    }
    if (this.editing !== null && this.editing < models.length) models[this.editing] = spec;
    else models.push(spec);
    this.experiment.models = models;
    this.editing = null;
    this.error = null;
  }

  /** Loads a built model of the experiment into the form. */
  edit(index: number): void {
    this.values = readBuildSpec(this.experiment.models[index]);
    this.editing = index;
    this.error = null;
    void this.refreshPreview();
  }

  /** Removes a model from the experiment. */
  remove(index: number): void {
    this.experiment.models = this.experiment.models.filter((_, i) => i !== index);
    if (this.editing === index) this.editing = null;
    else if (this.editing !== null && this.editing > index) this.editing--;
  }

  /** Asks the worker for the features of the chosen cell (the busiest by default) over the binned panel. */
  async refreshPreview(cell: number | null = this.previewCell): Promise<void> {
    this.previewCell = cell;
    try {
      this.preview = await this.client.request('feature-preview', { features: String(this.values.features), cell });
      this.previewError = null;
    } catch (error) {
      if (isAbort(error)) return;
      this.preview = null;
      this.previewError = error instanceof Error ? error.message : String(error);
    }
  }

  private apply(values: Record<string, ParamValue>): void {
    try {
      this.values = readBuildSpec(writeBuildSpec(values));
      this.error = null;
      void this.refreshPreview();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
