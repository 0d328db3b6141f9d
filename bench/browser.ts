/**
 * `npm run bench:browser` — the 20-line estimate of `npm run bench` (bench/data.ts: a 10,000-product
 * store, a German consumer, 19 % VAT, a 10 % coupon, fixed shipping, an instalment plan) timed in
 * real Chromium (playwright-core, /usr/bin/chromium) and in Node, in the same run.
 *
 *   npm run bench:browser              about 30 seconds
 *   npm run bench:browser -- --quick   a smoke run of a few seconds (the test suite runs it)
 *   npm run bench:browser -- --out=x   write the results to x instead of bench/results/browser.json
 *
 * One bundle (bench/browser-harness.ts with the library, esbuild, not minified) is evaluated in both
 * runtimes. Rounds alternate Node and Chromium so outside load hits both alike; each round takes the
 * median of a few samples of ≥ 100 ms (wall clock: a page has no CPU clock); the times are medians
 * over rounds and the ratio is the median of the per-round ratios (each pair taken seconds apart). Both runtimes must return byte-identical JSON for the cart, or the run fails.
 * Prints the table and writes every figure to bench/results/browser.json.
 */
import { execSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium'
import { AT, makeRequest, makeStore } from './data'
import { CATALOG } from './estimate'
import { median } from './measure'

const argv = process.argv.slice(2)
const QUICK = argv.includes('--quick')
const OUT = argv.find((a) => a.startsWith('--out='))?.slice(6) ?? fileURLToPath(new URL('./results/browser.json', import.meta.url))
const LINES = 20
const ROUNDS = QUICK ? 2 : 9
const SAMPLES = 3
const SAMPLE_MS = QUICK ? 20 : 100
const WARMUP_MS = QUICK ? 100 : 1500

interface Harness {
  prepare(config: unknown, request: unknown, at: string): string | Promise<string>
  sample(ms: number): number | Promise<number>
}

const spread = (xs: readonly number[]): number => (Math.max(...xs) - Math.min(...xs)) / Math.min(...xs)
const fmt = (ns: number): string => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`)

async function main(): Promise<void> {
  const started = performance.now()
  const loadBefore = os.loadavg()[0]!
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./browser-harness.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  })
  const code = bundle.outputFiles[0]!.text
  const config = makeStore({ products: CATALOG })
  const request = makeRequest(LINES, CATALOG)

  const node = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Harness
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
  try {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('about:blank')
    await page.evaluate(async (source) => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
      ;(globalThis as unknown as { harness: unknown }).harness = await import(url)
    }, code)
    const chrome: Harness = {
      prepare: (c, r, at) => page.evaluate(([c, r, at]) => (globalThis as unknown as { harness: Harness }).harness.prepare(c, r, at) as string, [c, r, at] as const),
      sample: (ms) => page.evaluate((ms) => (globalThis as unknown as { harness: Harness }).harness.sample(ms) as number, ms),
    }

    const inNode = await node.prepare(config, request, AT)
    const inChromium = await chrome.prepare(config, request, AT)
    const parsed = JSON.parse(inNode) as { status: number; transaction?: { products: unknown[]; totals: { total: number } } }
    if (parsed.status !== 200 || parsed.transaction?.products.length !== LINES) throw new Error(`the bench cart did not estimate to ${LINES} lines: ${inNode.slice(0, 300)}`)
    if (inNode !== inChromium) throw new Error('Chromium and Node returned different JSON for the bench cart')

    await node.sample(WARMUP_MS)
    await chrome.sample(WARMUP_MS)
    const rounds: { node: number; chromium: number }[] = []
    for (let r = 0; r < ROUNDS; r++) {
      const n: number[] = []
      const c: number[] = []
      for (let s = 0; s < SAMPLES; s++) n.push(await node.sample(SAMPLE_MS))
      for (let s = 0; s < SAMPLES; s++) c.push(await chrome.sample(SAMPLE_MS))
      rounds.push({ node: median(n), chromium: median(c) })
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`)

    const nodeNs = median(rounds.map((r) => r.node))
    const chromiumNs = median(rounds.map((r) => r.chromium))
    // Paired: each round's two figures were taken seconds apart, under the same outside load.
    const ratio = median(rounds.map((r) => r.chromium / r.node))
    const git = (cmd: string) => {
      try {
        return execSync(`git ${cmd}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
      } catch {
        return null
      }
    }
    const result = {
      meta: {
        date: new Date().toISOString(),
        seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
        quick: QUICK,
        node: process.version,
        node_v8: process.versions.v8,
        chromium: browser.version(),
        platform: `${os.platform()} ${os.arch()}`,
        cpu: os.cpus()[0]?.model.trim() ?? null,
        cores: os.cpus().length,
        load_average: { before: loadBefore, after: os.loadavg()[0] },
        commit: git('rev-parse --short HEAD'),
        clock: 'wall (performance.now) in both runtimes',
        method: `${ROUNDS} rounds alternating Node and Chromium; per round the median of ${SAMPLES} samples of ≥ ${SAMPLE_MS} ms; times are medians over rounds, the ratio the median of the per-round ratios`,
      },
      scenario: { lines: LINES, catalog: CATALOG, total: parsed.transaction.totals.total, identical_json: true },
      node_ns: nodeNs,
      chromium_ns: chromiumNs,
      ratio_chromium_over_node: ratio,
      ratio_of_medians: chromiumNs / nodeNs,
      spread: { node: spread(rounds.map((r) => r.node)), chromium: spread(rounds.map((r) => r.chromium)) },
      rounds,
    }
    mkdirSync(dirname(OUT), { recursive: true })
    writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`)
    console.log(`estimate, ${LINES} lines (${CATALOG.toLocaleString('en-US')}-product store), same bundle, same run${QUICK ? ' (--quick)' : ''}:`)
    console.log(`  Node ${process.version}          ${fmt(nodeNs).padStart(10)}  (Δ rounds ${(100 * result.spread.node).toFixed(0)}%)`)
    console.log(`  Chromium ${browser.version()}  ${fmt(chromiumNs).padStart(10)}  (Δ rounds ${(100 * result.spread.chromium).toFixed(0)}%)`)
    console.log(`  Chromium ÷ Node: ${ratio.toFixed(2)}× (median of the per-round ratios; ratio of the medians ${(chromiumNs / nodeNs).toFixed(2)}×)`)
    console.log(`  identical JSON in both runtimes; load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`)
    console.log(`  written to ${OUT}`)
  } finally {
    await browser.close()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
