/**
 * The emulator's estimate threads (`serve --threads N`): each request's body and options texts go
 * to the least busy thread, and its answer comes back serialized. A thread that fails fails them
 * all (see ThreadPool): the emulator then answers on its main thread — an answer is never lost.
 */
import type { EstimateOptions } from '../../index'
import { ThreadPool } from '../threads'
import type { EstimateThreads } from './emulator'
import type { ComputedAnswer, EstimateWorkerData, EstimateWorkerMessage } from './worker'

export class EstimatePool implements EstimateThreads {
  private readonly pool: ThreadPool<ComputedAnswer>

  /**
   * `url`: the script the threads run (the CLI's own file, which starts as an estimate thread when
   * given this `workerData`); `onFail` hears the first failure once.
   */
  constructor(url: URL, n: number, storeText: string, defaults: EstimateOptions, onFail?: (e: Error) => void) {
    const data: EstimateWorkerData = { kind: 'tamio-pricing-serve', storeText, defaults }
    this.pool = new ThreadPool<ComputedAnswer>(url, n, data, onFail)
  }

  get size(): number {
    return this.pool.size
  }

  get failed(): boolean {
    return this.pool.failed
  }

  estimate(body: string, header: string | undefined): Promise<ComputedAnswer> {
    return this.pool.run((seq): EstimateWorkerMessage => ({ seq, body, header }))
  }

  /** Every thread builds this store; requests sent after this call are answered with it. */
  setStore(storeText: string): void {
    const m: EstimateWorkerMessage = { store: storeText }
    this.pool.broadcast(m)
  }

  close(): Promise<void> {
    return this.pool.close()
  }
}
