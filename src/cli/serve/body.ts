/**
 * Reading a request body under the emulator's two limits: at most `limit` bytes (413) and complete
 * within `timeoutMs` of the headers (408, for a client that stalls). Over the size limit the rest
 * of the body is read and dropped, and the 413 goes out when it ends: answering while the client is
 * still sending and then closing would reset the connection, and a reset can discard the answer
 * before the client reads it. A body still arriving at the time limit gets its 413 (or 408) then,
 * and the connection is cut.
 */
import type { IncomingMessage } from 'node:http'
import { withoutBom } from '../io'

export type BodyResult =
  | { readonly kind: 'ok'; readonly bytes: Buffer }
  /** `complete`: the whole body was received (and dropped), so the connection can be kept. */
  | { readonly kind: 'too_large'; readonly received: number; readonly complete: boolean }
  | { readonly kind: 'timeout'; readonly received: number }
  | { readonly kind: 'aborted' }

export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let received = 0
    let settled = false
    const settle = (r: BodyResult) => {
      if (settled) return
      settled = true
      resolve(r)
    }
    const declared = Number(req.headers['content-length'])
    let tooLarge = Number.isFinite(declared) && declared > limit
    const timer = setTimeout(() => settle(tooLarge ? { kind: 'too_large', received, complete: false } : { kind: 'timeout', received }), timeoutMs)
    timer.unref()
    req.on('data', (c: Buffer) => {
      received += c.length
      if (tooLarge || settled) return
      if (received > limit) {
        tooLarge = true
        chunks.length = 0
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      clearTimeout(timer)
      settle(tooLarge ? { kind: 'too_large', received, complete: true } : { kind: 'ok', bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received) })
    })
    req.on('error', () => {
      clearTimeout(timer)
      settle({ kind: 'aborted' })
    })
    req.on('close', () => {
      clearTimeout(timer)
      settle({ kind: 'aborted' })
    })
  })
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** The body as a JSON object (and its text, without a byte order mark), or why not (invalid UTF-8, invalid JSON, not an object). */
export function parseObject(bytes: Buffer): { ok: true; value: Record<string, unknown>; text: string } | { ok: false; message: string } {
  let text: string
  try {
    text = UTF8.decode(bytes)
  } catch {
    return { ok: false, message: 'the body is not valid UTF-8' }
  }
  text = withoutBom(text)
  if (text.trim() === '') return { ok: false, message: 'the body is empty: expected a JSON object' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return { ok: false, message: `the body is not valid JSON: ${e instanceof Error ? e.message : String(e)}` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` }
  return { ok: true, value: value as Record<string, unknown>, text }
}
