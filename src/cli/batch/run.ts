/**
 * `reconcile --batch`: the orders file (or standard input) is read as a stream and cut into chunks
 * of consecutive lines; chunks are checked on this thread (`--jobs 1`) or spread over worker threads,
 * at most two in flight per worker, and their results merged strictly in input order — so memory
 * stays flat whatever the file's size and the summary is the same, byte for byte, for any `--jobs`.
 */
import type { Readable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import type { EstimateOptions, Store } from '../../index'
import type { Progress } from '../progress'
import { checkChunk } from './check'
import { type BatchStats, type BatchSummary, type ChunkResult, emptySummary, merge } from './summary'

/** A chunk holds whole lines, about this many bytes (more for a longer line). */
const CHUNK_BYTES = 128 * 1024

/**
 * The input cut at line ends into chunks of about CHUNK_BYTES: the bytes go to the checker as they
 * are (the worker threads split and decode them), so this thread only reads and cuts.
 */
export async function* chunks(input: Readable): AsyncGenerator<Uint8Array> {
  let rest: Buffer = Buffer.alloc(0)
  for await (const data of input) {
    const piece = typeof data === 'string' ? Buffer.from(data) : (data as Buffer)
    const buf = rest.length === 0 ? piece : Buffer.concat([rest, piece])
    let start = 0
    while (buf.length - start >= CHUNK_BYTES) {
      const nl = buf.indexOf(10, start + CHUNK_BYTES - 1)
      if (nl < 0) break
      yield buf.subarray(start, nl + 1)
      start = nl + 1
    }
    rest = buf.subarray(start)
  }
  if (rest.length > 0) yield rest
}

export interface BatchJob {
  readonly store: Store
  /** The store file's text: each worker builds its own store from it. */
  readonly storeText: string
  readonly options: EstimateOptions
  readonly tolerance: number
}

/** The message a worker thread is started with (`workerData`). */
export interface WorkerData {
  readonly kind: 'tamio-pricing-batch'
  readonly storeText: string
  readonly options: EstimateOptions
  readonly tolerance: number
}

type Reply = { readonly seq: number; readonly result: ChunkResult } | { readonly seq: number; readonly error: string }

/** Checks chunks on worker threads; each `check` resolves with that chunk's result. */
class Pool {
  private readonly workers: { worker: Worker; inflight: number }[] = []
  private readonly pending = new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void; slot: number }>()
  private seq = 0
  private failure: Error | undefined

  constructor(url: URL, n: number, data: WorkerData) {
    for (let i = 0; i < n; i++) {
      const worker = new Worker(url, { workerData: data })
      worker.on('message', (m: Reply) => this.reply(m))
      worker.on('error', (e) => this.fail(e instanceof Error ? e : new Error(String(e))))
      worker.on('exit', (code) => {
        if (code !== 0 && this.failure === undefined) this.fail(new Error(`a worker thread exited with code ${code}`))
      })
      this.workers.push({ worker, inflight: 0 })
    }
  }

  private reply(m: Reply): void {
    const p = this.pending.get(m.seq)
    if (p === undefined) return
    this.pending.delete(m.seq)
    this.workers[p.slot]!.inflight--
    if ('error' in m) p.reject(new Error(m.error))
    else p.resolve(m.result)
  }

  private fail(e: Error): void {
    this.failure ??= e
    for (const p of this.pending.values()) p.reject(e)
    this.pending.clear()
  }

  check(chunk: Uint8Array): Promise<ChunkResult> {
    if (this.failure !== undefined) return Promise.reject(this.failure)
    let slot = 0
    for (let i = 1; i < this.workers.length; i++) if (this.workers[i]!.inflight < this.workers[slot]!.inflight) slot = i
    const seq = this.seq++
    this.workers[slot]!.inflight++
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, slot })
      // A copy of just these bytes, moved (not cloned) to the worker.
      const bytes = new Uint8Array(chunk)
      this.workers[slot]!.worker.postMessage({ seq, bytes }, [bytes.buffer])
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }
}

export async function runBatch(
  input: Readable,
  job: BatchJob,
  jobs: number,
  workerUrl: URL | undefined,
  progress: Progress,
): Promise<{ summary: BatchSummary; stats: BatchStats }> {
  const started = Date.now()
  const summary = emptySummary()
  const threads = workerUrl === undefined ? 1 : jobs
  const pool = threads > 1 && workerUrl !== undefined ? new Pool(workerUrl, threads, { kind: 'tamio-pricing-batch', storeText: job.storeText, options: job.options, tolerance: job.tolerance }) : undefined
  const ctx = { store: job.store, options: job.options, tolerance: job.tolerance }
  let peakRss = process.memoryUsage.rss()
  let peakHeap = process.memoryUsage().heapUsed
  let doneBytes = 0
  let merged = 0
  let offset = 0
  const queue: { bytes: number; result: Promise<ChunkResult> }[] = []
  const take = async (): Promise<void> => {
    const head = queue.shift()!
    const result = await head.result
    merge(summary, result, offset)
    offset += result.physical
    doneBytes += head.bytes
    if (++merged % 16 === 0) {
      const rss = process.memoryUsage.rss()
      if (rss > peakRss) peakRss = rss
      const heap = process.memoryUsage().heapUsed
      if (heap > peakHeap) peakHeap = heap
    }
    progress.update(doneBytes, summary.lines)
  }
  try {
    for await (const chunk of chunks(input)) {
      queue.push({ bytes: chunk.length, result: pool !== undefined ? pool.check(chunk) : Promise.resolve(checkChunk(ctx, chunk)) })
      // Keep every worker busy with one chunk queued behind the one it works on; no more.
      while (queue.length >= threads * 2) await take()
    }
    while (queue.length > 0) await take()
  } finally {
    // A failed chunk leaves the others' promises pending or rejected: never unhandled.
    for (const q of queue) q.result.catch(() => undefined)
    await pool?.close()
  }
  progress.finish(doneBytes, summary.lines)
  const rss = process.memoryUsage.rss()
  if (rss > peakRss) peakRss = rss
  const seconds = (Date.now() - started) / 1000
  return {
    summary,
    stats: {
      seconds,
      linesPerSecond: Math.round(summary.lines / Math.max(seconds, 0.001)),
      jobs: threads,
      peakRssSampled: peakRss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      peakHeapUsed: peakHeap,
    },
  }
}
