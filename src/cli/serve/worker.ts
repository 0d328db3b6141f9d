/**
 * A thread of the emulator that computes estimate answers: it builds its own store from the store
 * file's text (again on each `--watch` reload), and for each request it is sent answers the
 * envelope's status, the log note and the envelope already serialized — `JSON.stringify` of a
 * 26 KB answer costs more than the estimate, and here it runs off the thread that speaks HTTP.
 */
import type { MessagePort } from 'node:worker_threads'
import { estimate, type EstimateOptions, type EstimateRequest, type Store } from '../../index'
import { storeOfCheckedText } from '../store'
import type { ThreadReply } from '../threads'

/** The `workerData` an estimate thread is started with. */
export interface EstimateWorkerData {
  readonly kind: 'tamio-pricing-serve'
  readonly storeText: string
  /** The server's default options (`--options`, `--at`), under each request's header options. */
  readonly defaults: EstimateOptions
}

/**
 * What the main thread sends: a new store's text, or a request to answer as text — the body and
 * the `X-Tamio-Options` header, both already checked to be JSON objects there. Texts, not parsed
 * objects: parsed here again, the request is the very same JSON (a structured clone of an object
 * is not JSON.parse's object), for the price of parsing 1 KB twice.
 */
export type EstimateWorkerMessage =
  | { readonly store: string }
  | { readonly seq: number; readonly body: string; readonly header: string | undefined }

/** A computed answer: the envelope's status, the log note of a non-200, the envelope's JSON. */
export interface ComputedAnswer {
  readonly status: number
  readonly note?: string
  readonly json: string
}

export type EstimateWorkerReply = ThreadReply<ComputedAnswer>

export function isEstimateWorker(data: unknown): data is EstimateWorkerData {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'tamio-pricing-serve'
}

/** A request's options: the server's defaults under its `X-Tamio-Options` (on either thread, the same merge). */
export function requestOptions(defaults: EstimateOptions, header: EstimateOptions): EstimateOptions {
  return { ...defaults, ...header }
}

/** The envelope estimate() answers, with its status and note, serialized once. */
export function computeAnswer(store: Store, request: EstimateRequest, options: EstimateOptions): ComputedAnswer {
  const res = estimate(store, request, options)
  const json = JSON.stringify(res)
  return res.status === 200 ? { status: 200, json } : { status: res.status, note: res.errors[0]?.code ?? 'rejected', json }
}

export function startEstimateWorker(data: EstimateWorkerData, port: MessagePort): void {
  let store = storeOfCheckedText(data.storeText)
  port.on('message', (m: EstimateWorkerMessage) => {
    if ('store' in m) {
      store = storeOfCheckedText(m.store)
      return
    }
    let reply: EstimateWorkerReply
    try {
      const request = JSON.parse(m.body) as EstimateRequest
      const options = requestOptions(data.defaults, m.header === undefined ? {} : (JSON.parse(m.header) as EstimateOptions))
      reply = { seq: m.seq, result: computeAnswer(store, request, options) }
    } catch (e) {
      reply = { seq: m.seq, error: e instanceof Error ? e.message : String(e) }
    }
    port.postMessage(reply)
  })
}
