/**
 * A minimal static file server for page tests: loopback only (127.0.0.1), a random free port,
 * read-only, serving only an allow-list of mounts (URL prefix → directory; no directory listings,
 * no path traversal). Node-only.
 */
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash) */
  readonly origin: string
  /** Paths requested so far, in order (for assertions such as "the page loaded dist/index.js"). */
  readonly requests: string[]
  close(): Promise<void>
}

/** `mounts`: URL prefix (starting and ending with '/') → directory served under it. */
export async function serveStatic(mounts: Readonly<Record<string, string>>): Promise<StaticServer> {
  const requests: string[] = []
  const locate = (path: string): string | null => {
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue
      const base = normalize(dir.endsWith(sep) ? dir : dir + sep)
      const file = normalize(join(base, path.slice(prefix.length)))
      return file.startsWith(base) ? file : null
    }
    return null
  }
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let path = decodeURIComponent(url.pathname)
      requests.push(path)
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end()
      if (path.endsWith('/')) path += 'index.html'
      const file = path.includes('\0') ? null : locate(path)
      if (!file || !(await stat(file).catch(() => null))?.isFile()) return void res.writeHead(404).end('not found')
      const body = await readFile(file)
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch (err) {
      res.writeHead(500).end(String(err))
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
