/**
 * Progress on stderr: a redrawn bar on a terminal, otherwise a plain line whenever the
 * stage changes or another 10 % is done (so CI logs stay readable). Silent when `quiet`.
 */
export class Progress {
  private lastLine = '';
  private lastDecile = -1;
  private lastStage = '';
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
    const decile = Math.floor(percent / 10);
    if (stage !== this.lastStage || decile !== this.lastDecile) {
      this.stream.write(`${stage}: ${percent}%${detail ? ` ${detail}` : ''}\n`);
      this.lastStage = stage;
      this.lastDecile = decile;
    }
  }

  /** Prints a one-off message on its own line. */
  note(message: string): void {
    if (this.quiet) return;
    if (this.tty && this.lastLine) this.stream.write('\n');
    this.lastLine = '';
    this.stream.write(`${message}\n`);
  }

  /** Ends the bar (on a terminal) and prints the elapsed time. */
  done(message = 'done'): void {
    if (this.quiet) return;
    if (this.tty && this.lastLine) this.stream.write('\n');
    this.lastLine = '';
    this.stream.write(`${message} in ${((performance.now() - this.started) / 1000).toFixed(1)} s\n`);
  }
}
