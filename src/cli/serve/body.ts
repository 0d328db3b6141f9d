/**
 * Reading a request body under the emulator's two limits: at most `limit` bytes (413) and complete
 * within `timeoutMs` of the headers (408, for a client that stalls). Over the size limit the answer
 * goes out at once; the rest of the body is read and dropped (so the client sees the 413 rather than
 * a reset connection) until it ends or the time limit cuts the connection.
 */
import type { IncomingMessage } from 'node:http'

export type BodyResult =
  | { readonly kind: 'ok'; readonly bytes: Buffer }
  | { readonly kind: 'too_large'; readonly received: number }
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
    // The time limit stays armed after a 413 too: a client that keeps sending is cut at the deadline.
    const timer = setTimeout(() => {
      if (settled) req.socket.destroy()
      else settle({ kind: 'timeout', received })
    }, timeoutMs)
    timer.unref()
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) settle({ kind: 'too_large', received: 0 })
    req.on('data', (c: Buffer) => {
      received += c.length
      if (settled) return
      if (received > limit) {
        chunks.length = 0
        settle({ kind: 'too_large', received })
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      clearTimeout(timer)
      settle({ kind: 'ok', bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received) })
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

/** The body as a JSON object, or why not (invalid UTF-8, invalid JSON, not an object). */
export function parseObject(bytes: Buffer): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let text: string
  try {
    text = UTF8.decode(bytes)
  } catch {
    return { ok: false, message: 'the body is not valid UTF-8' }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.trim() === '') return { ok: false, message: 'the body is empty: expected a JSON object' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return { ok: false, message: `the body is not valid JSON: ${e instanceof Error ? e.message : String(e)}` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` }
  return { ok: true, value: value as Record<string, unknown> }
}
