import cliProgress from 'cli-progress';

/** How far a long command has got; the command prints its own summary after `stop()`. */
export interface Progress {
  /** `done` of the total so far (the total may grow, e.g. a log read while it is written). */
  update(done: number, total?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What is being done, e.g. "verifying". */
  readonly label: string;
  /** What is counted: "events", "positions", or "bytes" (shown in MiB). */
  readonly unit: string;
  readonly total: number;
  /** Where to write; stdout by default. */
  readonly stream?: NodeJS.WriteStream;
  /** Without a terminal, at most one line per this many milliseconds. */
  readonly intervalMs?: number;
}

const MIB = 1024 * 1024;

function formatter(unit: string): { show: (n: number) => string; unit: string } {
  return unit === 'bytes'
    ? { show: (n) => (n / MIB).toFixed(1), unit: 'MiB' }
    : { show: (n) => String(Math.round(n)), unit };
}

/**
 * A progress bar with counts, rate and ETA on a terminal; plain periodic
 * lines otherwise (CI logs, pipes, tests), so output meant for people never
 * fills a log with carriage returns. Shared by rebuild, verify, export and
 * import.
 */
export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stdout;
  return stream.isTTY ? new BarProgress(options, stream) : new LineProgress(options, stream);
}

class BarProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private readonly started = Date.now();
  private readonly format: ReturnType<typeof formatter>;

  constructor(options: ProgressOptions, stream: NodeJS.WriteStream) {
    this.format = formatter(options.unit);
    const { unit } = this.format;
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${options.label} [{bar}] {percentage}% | {shown}/{shownTotal} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(Math.max(options.total, 1), 0, this.payload(0, options.total));
  }

  update(done: number, total?: number): void {
    if (total !== undefined) this.bar.setTotal(Math.max(total, 1));
    this.bar.update(done, this.payload(done, total ?? this.bar.getTotal()));
  }

  stop(): void {
    this.bar.stop();
  }

  private payload(done: number, total: number) {
    const seconds = (Date.now() - this.started) / 1000;
    return {
      shown: this.format.show(done),
      shownTotal: this.format.show(total),
      rate: this.format.show(seconds > 0 ? done / seconds : 0),
    };
  }
}

class LineProgress implements Progress {
  private readonly started = Date.now();
  private lastLine = Date.now();
  private total: number;
  private readonly format: ReturnType<typeof formatter>;

  constructor(
    private readonly options: ProgressOptions,
    private readonly stream: NodeJS.WriteStream,
  ) {
    this.total = options.total;
    this.format = formatter(options.unit);
  }

  update(done: number, total?: number): void {
    if (total !== undefined) this.total = total;
    const now = Date.now();
    if (now - this.lastLine < (this.options.intervalMs ?? 1000)) return;
    this.lastLine = now;
    const { show, unit } = this.format;
    const percent = this.total > 0 ? Math.floor((done / this.total) * 100) : 100;
    const rate = done / Math.max((now - this.started) / 1000, 0.001);
    this.stream.write(`${this.options.label}: ${show(done)} of ${show(this.total)} ${unit} (${percent}%), ${show(rate)} ${unit}/s\n`);
  }

  stop(): void {
    // The command's own summary line follows; a final progress line would only repeat it.
  }
}
