/**
 * A batch worker thread: builds its own store from the store file's text, then checks each chunk it
 * is sent and answers `{ seq, result }` (or `{ seq, error }`).
 */
import type { MessagePort } from 'node:worker_threads'
import { storeOfCheckedText } from '../store'
import { checkChunk } from './check'
import type { WorkerData } from './run'

export function isBatchWorker(data: unknown): data is WorkerData {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'tamio-pricing-batch'
}

export function startBatchWorker(data: WorkerData, port: MessagePort): void {
  const ctx = { store: storeOfCheckedText(data.storeText), options: data.options, tolerance: data.tolerance }
  port.on('message', (m: { seq: number; bytes: Uint8Array }) => {
    try {
      port.postMessage({ seq: m.seq, result: checkChunk(ctx, m.bytes) })
    } catch (e) {
      port.postMessage({ seq: m.seq, error: e instanceof Error ? e.message : String(e) })
    }
  })
}
