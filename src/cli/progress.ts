import { escapeTerminal } from '../lib/base/escape-terminal';
import type { RunProgress } from '../lib/evaluate/run-forecasts';

/**
 * Progress on stderr: a redrawn bar on a terminal, otherwise a plain line whenever the
 * stage changes or another 10 % is done (so CI logs stay readable). Silent when `quiet`.
 */
export class Progress {
  private lastLine = '';
  private lastDecile = -1;
  private lastPrinted = 0;
  /** Each stage's start (for its time) and whether its 100 % line is out (a log prints each stage's start and end once). */
  private readonly stages = new Map<string, { started: number; done: boolean }>();
  private readonly tty: boolean;
  private readonly started = performance.now();

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  /** Reports `done` of `total` units of `stage`, with an optional detail (e.g. a loss). */
  update(stage: string, done: number, total: number, detail = ''): void {
    if (this.quiet) return;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const percent = Math.floor(fraction * 100);
    if (this.tty) {
      const width = 24;
      const filled = Math.round(fraction * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const line = `${stage.padEnd(28).slice(0, 28)} ${bar} ${String(percent).padStart(3)}% ${detail}`.slice(0, (this.stream.columns || 100) - 1);
      if (line !== this.lastLine) this.stream.write(`\r\x1b[2K${line}`);
      this.lastLine = line;
      return;
    }
    // In a log, a line when a stage starts and ends, and in between at most every 10 s. Stages can
    // interleave (the models of a run spread over threads report as they go): each starts and ends once.
    const now = performance.now();
    const known = this.stages.get(stage);
    const starting = known === undefined || (known.done && percent < 100);
    const state = starting ? { started: now, done: false } : known!;
    this.stages.set(stage, state);
    if (state.done) return;
    if (starting || percent === 100 || now - this.lastPrinted >= 10_000) {
      const seconds = percent === 100 ? ` in ${((now - state.started) / 1000).toFixed(1)} s` : '';
      if (!(starting && percent === 100 && this.lastDecile === 100)) this.stream.write(`${stage}: ${percent}%${seconds}${detail ? ` ${detail}` : ''}\n`);
      this.lastDecile = percent;
      this.lastPrinted = now;
      state.done = percent === 100;
    }
  }

  /**
   * Reports a backtest's progress on the model's bar: the folds done (`foldsDone` when the run is
   * spread over threads, whose lanes report their folds interleaved and out of order; else the
   * fold), with the fit's stage, step and loss when `withLoss` and the report has one.
   * @example progress.run({ model: 'gru', modelIndex: 1, models: 2, fold: 0, foldsDone: 3, folds: 4, … }) // 'gru (2/2)' at 75 %
   */
  run(p: RunProgress, withLoss = true): void {
    const fit = p.fit;
    const detail =
      withLoss && fit?.loss !== undefined ? `${fit.stage} ${fit.step ?? ''}${fit.steps ? `/${fit.steps}` : ''} loss ${fit.loss.toPrecision(4)}` : '';
    this.update(`${p.model} (${p.modelIndex + 1}/${p.models})`, p.foldsDone ?? p.fold, p.folds, detail);
  }

  /** Announces a single-step stage ('reading', 'binning'): on a terminal on the bar's line, else as a log line. */
  stage(name: string): void {
    if (this.quiet) return;
    if (this.tty) {
      this.stream.write(`\r\x1b[2K${name}…`);
      this.lastLine = name;
    } else {
      this.stream.write(`${name}…\n`);
    }
    this.stages.set(name, { started: performance.now(), done: false });
  }

  /** Prints a one-off message on its own line, escaped for the terminal (messages quote file, column and category names). */
  note(message: string): void {
    if (this.quiet) return;
    if (this.tty && this.lastLine) this.stream.write('\n');
    this.lastLine = '';
    this.stream.write(`${escapeTerminal(message)}\n`);
  }

  /** Ends the bar (on a terminal) and prints the elapsed time. */
  done(message = 'done'): void {
    if (this.quiet) return;
    if (this.tty && this.lastLine) this.stream.write('\n');
    this.lastLine = '';
    this.stream.write(`${message} in ${((performance.now() - this.started) / 1000).toFixed(1)} s\n`);
  }
}
