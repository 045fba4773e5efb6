// The progress of a long CLI command (an import) on stderr: on a terminal, one
// line redrawn in place with a bar, rows, rate and time left, cleared at the
// end; otherwise (a log, a pipe, CI) a plain line every few seconds, so logs
// stay readable and a stuck run still shows it is alive.
import { describePace, Throughput } from '../../shared/throughput'

export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

export interface ProgressOptions {
  /** What is being done, e.g. "importing capture.jsonl". */
  label: string
  now?: () => number
  /** How often a terminal's line is redrawn. */
  ttyEveryMs?: number
  /** How often a plain line is written when stderr is not a terminal. */
  plainEveryMs?: number
}

const count = (n: number) => n.toLocaleString('en-US')
const BAR = 24

export class ProgressPrinter {
  private readonly meter = new Throughput()
  private readonly now: () => number
  private readonly tty: boolean
  private last = -Infinity
  /** The terminal line as last drawn ('' when none is on screen). */
  private drawn = ''

  constructor(
    private readonly out: ProgressStream,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now())
    this.tty = out.isTTY === true
    // A log's first line comes after one period: a short run writes none.
    if (!this.tty) this.last = this.now()
  }

  /** Rows done so far and the share of the input read (null when its size is unknown). */
  update(rows: number, fraction: number | null): void {
    const at = this.now()
    const view = this.meter.add({ at, rows, fraction })
    const every = this.tty ? (this.options.ttyEveryMs ?? 100) : (this.options.plainEveryMs ?? 5_000)
    if (at - this.last < every) return
    this.last = at
    const pace = describePace(view, count)
    const percent = fraction === null ? '' : `${Math.floor(Math.min(fraction, 1) * 100)}%`
    if (this.tty) {
      const filled = fraction === null ? 0 : Math.round(Math.min(fraction, 1) * BAR)
      const bar = fraction === null ? '' : `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${percent.padStart(4)}  `
      const line = `${this.options.label} ${bar}${count(rows)} rows${pace ? `  ${pace}` : ''}`
      const width = this.out.columns || 100
      this.drawn = `\r${line.slice(0, Math.max(width - 1, 20))}\x1b[K`
      this.out.write(this.drawn)
    } else {
      const share = percent ? ` (${percent})` : ''
      this.out.write(`earshot: ${this.options.label}: ${count(rows)} rows${share}${pace ? `, ${pace}` : ''}\n`)
    }
  }

  /**
   * A log line written while the bar is up (a slow disk's warning): on a
   * terminal the bar is cleared, the line printed, and the bar drawn again
   * under it, so neither garbles the other.
   */
  note(line: string): void {
    if (!this.drawn) {
      this.out.write(`${line}\n`)
      return
    }
    this.out.write(`\r\x1b[K${line}\n${this.drawn}`)
  }

  /** Clears a terminal's progress line so the summary that follows starts clean. */
  end(): void {
    if (this.drawn) this.out.write('\r\x1b[K')
    this.drawn = ''
  }
}
