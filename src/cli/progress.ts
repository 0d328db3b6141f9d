/**
 * Progress of long batch work on stderr:
 *  - a terminal: one bar redrawn in place (at most 5 times a second) with the share done, the count,
 *    the rate, the elapsed time and an ETA (when the input's size is known);
 *  - not a terminal (CI logs, a file): one plain line every 5 s with the same figures, and a closing
 *    line if any was printed — so a short batch writes nothing;
 *  - TAMIO_PROGRESS_INTERVAL_MS sets the interval of either;
 *  - `--quiet` / `--no-progress`: nothing.
 */
import type { Output } from './io'

export type ProgressMode = 'bar' | 'lines' | 'off'

const n = (x: number) => Math.round(x).toLocaleString('en-US')

/** 7 s, 3m05s, 1h02m. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

export class Progress {
  private readonly started: number
  private last = 0
  private printed = false

  constructor(
    private readonly out: Output,
    private readonly mode: ProgressMode,
    /** The input's size in bytes, when known (a file; not standard input). */
    private readonly total: number | undefined,
    interval?: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now()
    this.last = this.started
    this.intervalMs = interval ?? (mode === 'bar' ? 200 : 5000)
  }

  private readonly intervalMs: number

  /** The figures after `bytes` of input and `items` orders are done. */
  figures(bytes: number, items: number): { frac: number | undefined; rate: number; elapsed: number; eta: number | undefined } {
    const elapsed = (this.now() - this.started) / 1000
    const frac = this.total === undefined ? undefined : this.total === 0 ? 1 : Math.min(1, bytes / this.total)
    const rate = items / Math.max(elapsed, 0.001)
    const eta = frac === undefined || frac === 0 ? undefined : (elapsed * (1 - frac)) / frac
    return { frac, rate, elapsed, eta }
  }

  private text(bytes: number, items: number, bar: boolean, done = false): string {
    const f = this.figures(bytes, items)
    const share = f.frac === undefined ? '' : `${(f.frac * 100).toFixed(1).padStart(5)}%  `
    const head = bar && f.frac !== undefined ? `[${'#'.repeat(Math.round(f.frac * 30)).padEnd(30, '.')}] ` : ''
    const eta = f.eta === undefined || done ? '' : `  ETA ${duration(f.eta)}`
    return `${head}${share}${n(items)} orders  ${n(f.rate)}/s  elapsed ${duration(f.elapsed)}${eta}`
  }

  /** Called as work completes; draws or prints when due. */
  update(bytes: number, items: number): void {
    if (this.mode === 'off') return
    const t = this.now()
    if (this.mode === 'bar') {
      if (t - this.last < this.intervalMs) return
      this.last = t
      this.out.write(`\r${this.text(bytes, items, true)}\x1b[K`)
      this.printed = true
    } else if (t - this.last >= this.intervalMs) {
      this.last = t
      this.out.write(`progress: ${this.text(bytes, items, false)}\n`)
      this.printed = true
    }
  }

  /** The last state: the bar at its end (then a newline), or a closing line after periodic ones. */
  finish(bytes: number, items: number): void {
    if (this.mode === 'bar') this.out.write(`\r${this.text(bytes, items, true, true)}\x1b[K\n`)
    else if (this.mode === 'lines' && this.printed) this.out.write(`progress: done, ${this.text(bytes, items, false, true)}\n`)
  }
}
