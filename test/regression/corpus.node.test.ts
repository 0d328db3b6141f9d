/**
 * No number moves: every case of the committed regression corpus (seeded random stores and carts
 * over every feature and policy, the fixtures, the example store) gives today exactly the
 * `estimate` and `summarize` JSON it gave when the corpus was recorded — codes and paths included,
 * messages aside. An intended change of output is recorded again (`corpus.ts write`) and listed in
 * CHANGELOG.md.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateRequest, type StoreConfig } from '../../src/index'
import { checkTrace } from '../support/trace-check'
import { sharedObject } from '../fuzz/properties'
import { answer, coverage, diffPaths, readCorpus, stripMessages } from './corpus'

const { stores, cases } = readCorpus()

describe('regression corpus', () => {
  it('reaches every feature often enough to mean something', () => {
    const n = coverage(cases)
    expect(cases.length).toBeGreaterThan(4000)
    for (const k of ['line:variant', 'line:pack', 'line:converted', 'line:invoice_item', 'line:inclusive', 'line:moss', 'shipping:nshift', 'shipping:weight', 'shipping:per_item', 'instalments', 'warning:reverse_charge', 'warning:tax_exempt', 'amount_overflow', 'discount:percent', 'discount:fixed', 'discount:free_shipping', 'discount:shipping'])
      expect(n[k] ?? 0, k).toBeGreaterThan(50)
  })

  it('every case gives the recorded estimate and summarize JSON', () => {
    const failures: string[] = []
    for (const c of cases) {
      const now = answer(stores[c.store], c)
      const paths = diffPaths(c.out, now)
      if (paths.length > 0) failures.push(`${c.name}: ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` (+${paths.length - 5})` : ''}`)
    }
    expect(failures.slice(0, 20), `${failures.length} of ${cases.length} cases changed`).toEqual([])
  })
})

describe('the trace of every corpus case', () => {
  it('re-checks entry by entry (sums, products, roundings of exact values, splits by their rules, inputs, the transaction) and gives the untraced numbers', () => {
    const failures: string[] = []
    let checked = 0
    for (const c of cases) {
      let s
      try {
        s = createStore(stores[c.store] as StoreConfig)
      } catch {
        continue
      }
      const r = estimate(s, c.request as EstimateRequest, { ...c.options, trace: true })
      if (r.status !== 200) continue
      checked++
      const problems = checkTrace(r.trace!, r.transaction, stores[c.store], c.request)
      if (problems.length > 0) failures.push(`${c.name}: ${problems.slice(0, 3).join('; ')}`)
      const recorded = (c.out as { estimate?: { transaction?: unknown } }).estimate?.transaction
      if (JSON.stringify(stripMessages(r.transaction)) !== JSON.stringify(recorded)) failures.push(`${c.name}: the traced transaction differs from the recorded one`)
    }
    expect(checked).toBeGreaterThan(3500)
    expect(failures.slice(0, 10), `${failures.length} cases`).toEqual([])
  })
})

describe('traced answers are isolated', () => {
  it('two traced estimates of every 8th corpus case share no object', () => {
    const failures: string[] = []
    let checked = 0
    for (let i = 0; i < cases.length; i += 8) {
      const c = cases[i]!
      let s
      try {
        s = createStore(stores[c.store] as StoreConfig)
      } catch {
        continue
      }
      const options = { ...c.options, trace: true }
      const a = estimate(s, c.request as EstimateRequest, options)
      const b = estimate(s, c.request as EstimateRequest, options)
      if (a.status !== 200 || b.status !== 200) continue
      checked++
      // (The walk reads every property: each trace's entries are built by it.)
      const hit = sharedObject(a, b)
      if (hit !== null) failures.push(`${c.name}: ${hit}`)
    }
    expect(checked).toBeGreaterThan(400)
    expect(failures.slice(0, 10), `${failures.length} cases`).toEqual([])
  })
})
