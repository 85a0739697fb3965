import type { Protocol } from '../../lib/evaluate/protocol';
import type { Report } from '../../lib/evaluate/report';
import { leakageBars, type LeakageBar } from '../../lib/leakage/leakage-bars';
import { LEAKAGE_MODELS } from '../../lib/leakage/leakage-defaults';
import type { LeakageLab } from '../../lib/leakage/leakage-lab';
import type { MetricKey } from '../../lib/leakage/metric-series';
import { isAbort, type WorkerClient } from '../../lib/worker/client';

/**
 * The leakage view of the Results step: one lab run at a time in the worker (the honest
 * backtest next to six mistakes, on the current panel with the experiment's protocol), its
 * progress, and the metric and model the bars show.
 */
export class LeakageState {
  status = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
  message = $state('');
  done = $state(0);
  total = $state(7);
  lab = $state.raw<LeakageLab | null>(null);
  error = $state<string | null>(null);
  /** Index into `metrics` of the metric the bars show. */
  metric = $state(0);
  model = $state<string | null>(null);
  private id: number | null = null;

  constructor(private readonly client: WorkerClient) {}

  /** The metrics the picker offers, in report order (count metrics, then hotspot metrics per coverage). */
  get metrics(): MetricKey[] {
    const rows = this.lab?.mistakes.find((m) => m.rows.length > 0)?.rows ?? [];
    return rows
      .filter((r, i) => rows.findIndex((x) => x.metric === r.metric && x.coverage === r.coverage) === i)
      .map((r) => ({ metric: r.metric, coverage: r.coverage }));
  }

  /** One bar per mistake for the picked metric and model. */
  get bars(): LeakageBar[] {
    const key = this.metrics[this.metric];
    return this.lab && key ? leakageBars(this.lab, key, this.model ?? undefined) : [];
  }

  /** Forgets the lab (a new run's result makes it stale). */
  reset(): void {
    this.lab = null;
    this.status = 'idle';
    this.error = null;
  }

  /** Runs the lab with this protocol and `LEAKAGE_MODELS`; shows PAI at the middle coverage first. */
  async start(protocol: Protocol, environment: Report['environment']): Promise<void> {
    const pending = this.client.start(
      'leakage',
      { spec: { models: LEAKAGE_MODELS, protocol, environment } },
      {
        onProgress: (p) => {
          if (p.stage !== 'leakage') return;
          this.message = p.message;
          this.done = p.done;
          this.total = p.total;
        },
      },
    );
    this.id = pending.id;
    this.status = 'running';
    this.message = 'Starting';
    this.done = 0;
    this.error = null;
    try {
      const lab = await pending.result;
      this.lab = lab;
      const keys = this.metrics;
      const middle = lab.protocol.coverage[Math.floor(lab.protocol.coverage.length / 2)];
      this.metric = Math.max(
        0,
        keys.findIndex((k) => k.metric === 'pai' && k.coverage === middle),
      );
      this.model = lab.models.includes('historic-average') ? 'historic-average' : (lab.models[0] ?? null);
      this.status = 'done';
    } catch (error) {
      this.status = isAbort(error) ? 'cancelled' : 'failed';
      if (!isAbort(error)) this.error = (error as Error).message;
    } finally {
      this.id = null;
    }
  }

  /** Stops the running lab in the worker. */
  async cancel(): Promise<void> {
    if (this.id !== null) await this.client.cancel(this.id);
  }
}
