/**
 * `reconcile --batch`: the orders file (or standard input) is read as a stream and cut into chunks
 * of consecutive lines; chunks are checked on this thread (`--jobs 1`) or spread over worker threads,
 * at most two in flight per worker, and their results merged strictly in input order — so memory
 * stays flat whatever the file's size and the summary is the same, byte for byte, for any `--jobs`.
 */
import type { Readable } from 'node:stream'
import type { EstimateOptions, Store } from '../../index'
import type { Progress } from '../progress'
import { ThreadPool } from '../threads'
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

/** One chunk checked on a thread: a copy of just its bytes, moved (not cloned) there. */
function check(pool: ThreadPool<ChunkResult>, chunk: Uint8Array): Promise<ChunkResult> {
  const bytes = new Uint8Array(chunk)
  return pool.run((seq) => ({ seq, bytes }), [bytes.buffer])
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
  const data: WorkerData = { kind: 'tamio-pricing-batch', storeText: job.storeText, options: job.options, tolerance: job.tolerance }
  const pool = threads > 1 && workerUrl !== undefined ? new ThreadPool<ChunkResult>(workerUrl, threads, data) : undefined
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
      const result = pool !== undefined ? check(pool, chunk) : Promise.resolve(checkChunk(ctx, chunk))
      // Handled from the start: a failing thread rejects every queued chunk at once, maybe while
      // this loop waits for input (an unhandled rejection would end the process); take() still
      // sees the rejection.
      result.catch(() => undefined)
      queue.push({ bytes: chunk.length, result })
      // Keep every worker busy with one chunk queued behind the one it works on; no more.
      while (queue.length >= threads * 2) await take()
    }
    while (queue.length > 0) await take()
  } finally {
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
