/**
 * Worker threads that each answer messages `{ seq, … }` with `{ seq, result }` or `{ seq, error }`:
 * a task goes to the thread with the fewest in flight, and its promise settles with that thread's
 * reply. A thread that fails (an error, an exit before `close`) fails the pool: every task in
 * flight and every later one rejects at once, and `onFail` hears it once. Used by the batch
 * checker (`reconcile --batch --jobs N`) and the emulator's estimate threads (`serve --threads N`).
 */
import { Worker } from 'node:worker_threads'

/** A thread's reply to task `seq`. */
export type ThreadReply<R> = { readonly seq: number; readonly result: R } | { readonly seq: number; readonly error: string }

export class ThreadPool<R> {
  private readonly workers: { readonly worker: Worker; inflight: number }[] = []
  private readonly pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void; slot: number }>()
  private seq = 0
  private failure: Error | undefined
  private closed = false
  private closing: Promise<void> | undefined

  /** `n` threads running `url`, each started with `workerData`. */
  constructor(url: URL, n: number, workerData: unknown, private readonly onFail: (e: Error) => void = () => undefined) {
    for (let i = 0; i < n; i++) {
      let worker: Worker
      try {
        worker = new Worker(url, { workerData })
      } catch (e) {
        // The threads already started would keep the process alive after the error.
        void this.close()
        throw e
      }
      worker.on('message', (m: ThreadReply<R>) => this.reply(m))
      worker.on('error', (e) => this.fail(e instanceof Error ? e : new Error(String(e))))
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a worker thread exited with code ${code}`))
      })
      this.workers.push({ worker, inflight: 0 })
    }
  }

  /** How many threads there are. */
  get size(): number {
    return this.workers.length
  }

  /** Whether a thread has failed (every task then rejects). */
  get failed(): boolean {
    return this.failure !== undefined
  }

  private reply(m: ThreadReply<R>): void {
    const p = this.pending.get(m.seq)
    if (p === undefined) return
    this.pending.delete(m.seq)
    this.workers[p.slot]!.inflight--
    if ('error' in m) p.reject(new Error(m.error))
    else p.resolve(m.result)
  }

  private fail(e: Error): void {
    if (this.failure !== undefined) return
    this.failure = e
    for (const p of this.pending.values()) p.reject(e)
    this.pending.clear()
    this.onFail(e)
    void this.close()
  }

  /** Sends the task `message(seq)` (moving `transfer`) to the least busy thread; settles with its reply. */
  run(message: (seq: number) => unknown, transfer: readonly ArrayBuffer[] = []): Promise<R> {
    if (this.failure !== undefined) return Promise.reject(this.failure)
    let slot = 0
    for (let i = 1; i < this.workers.length; i++) if (this.workers[i]!.inflight < this.workers[slot]!.inflight) slot = i
    const seq = this.seq++
    this.workers[slot]!.inflight++
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, slot })
      this.workers[slot]!.worker.postMessage(message(seq), transfer as ArrayBuffer[])
    })
  }

  /** Sends a message every thread handles in order with its tasks (no reply). */
  broadcast(message: unknown): void {
    for (const w of this.workers) w.worker.postMessage(message)
  }

  /** Stops every thread; resolves when they have stopped (the same promise for every call). */
  close(): Promise<void> {
    this.closed = true
    return (this.closing ??= Promise.all(this.workers.map((w) => w.worker.terminate())).then(() => undefined))
  }
}
