/**
 * Medusa's cart totals as a baseline (issue 8). `@medusajs/utils` is ~200 MB of dependencies and
 * Node-only, so it lives in its own package, bench/baselines/package.json (exact version pinned,
 * lockfile committed), installed into bench/baselines/node_modules (gitignored) on first use.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { MedusaCart } from './data'

const DIR = fileURLToPath(new URL('./baselines/', import.meta.url))

export type DecorateCartTotals = (cart: MedusaCart, config?: { includeTaxes?: boolean }) => Record<string, any>

/**
 * Loads `decorateCartTotals`, installing the baseline package first when it is missing. Returns a
 * reason string instead when it cannot (no network, install failure).
 */
export function loadMedusa(): { decorateCartTotals: DecorateCartTotals; version: string } | string {
  const marker = `${DIR}node_modules/@medusajs/utils/package.json`
  if (!existsSync(marker)) {
    console.log('bench: installing the Medusa baseline into bench/baselines/node_modules (first use, ~200 MB) …')
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const res = spawnSync(npm, ['install', '--prefix', DIR, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      stdio: 'inherit',
    })
    if (res.status !== 0 || !existsSync(marker)) return `npm install --prefix bench/baselines failed (exit ${res.status ?? res.error?.message})`
  }
  const require = createRequire(`${DIR}package.json`)
  const t0 = performance.now()
  const mod = require('@medusajs/utils') as { decorateCartTotals?: DecorateCartTotals }
  const version = (JSON.parse(readFileSync(marker, 'utf8')) as { version: string }).version
  if (typeof mod.decorateCartTotals !== 'function') return `@medusajs/utils ${version} has no decorateCartTotals`
  console.log(`bench: loaded @medusajs/utils ${version} in ${(performance.now() - t0).toFixed(0)} ms`)
  return { decorateCartTotals: mod.decorateCartTotals, version }
}

/** A Medusa BigNumber (or plain number) as a Number. */
export function num(x: unknown): number {
  if (typeof x === 'number') return x
  if (x !== null && typeof x === 'object' && 'numeric' in x) return Number((x as { numeric: unknown }).numeric)
  return Number(x)
}
