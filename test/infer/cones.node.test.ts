/**
 * What inference relies on in the trace, checked by re-estimating (an independent check: the
 * estimates themselves, compared as reconcile compares):
 * - the axes recorded anywhere in a trace are all the estimate read: a setting that agrees on them
 *   gives the same transaction, byte for byte;
 * - an amount's cone (the axes recorded on it and on everything it was derived from) is all it
 *   depends on: a setting that agrees on the cone gives the same amount at the same item;
 * - the axes recorded as deciding which rates a line's list holds are all that decides them: a
 *   setting that agrees on them gives every line and the aggregate the same rates (and which lines
 *   an estimate holds depends on no setting).
 * Over carts of the rich store and random stores of every feature, under random settings.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateOptions, type EstimateRequest, type Store, type StoreConfig } from '../../src/index'
import { Cones, rateListBits, touchedBits } from '../../src/infer/cones'
import { AXES, AXIS_NAMES } from '../../src/policies/axes'
import { compareEnvelopes, readEnvelope, type Envelope } from '../../src/reconcile/compare'
import { validCase } from '../fuzz/valid'
import { AT, prng, richRequest, strippedStore } from './orders'

const VALUES = AXIS_NAMES.map((a) => Object.keys(AXES[a].values))
const BITS = new Map<string, number>(AXIS_NAMES.map((a, i) => [a, 1 << i]))

interface Case {
  readonly store: Store
  readonly request: EstimateRequest
  readonly options: Record<string, unknown>
}

function cases(): Case[] {
  const rich = createStore(strippedStore() as unknown as StoreConfig)
  const rnd = prng(31)
  const out: Case[] = Array.from({ length: 60 }, () => ({ store: rich, request: richRequest(rnd) as unknown as EstimateRequest, options: {} }))
  for (const c of fc.sample(validCase(10), { seed: 99, numRuns: 120 })) {
    if (c.extreme) continue
    try {
      out.push({ store: createStore(c.store as unknown as StoreConfig), request: c.request as unknown as EstimateRequest, options: { ...(c.options as Record<string, unknown>) } })
    } catch {
      // a store the generator made invalid: not a case
    }
  }
  return out
}

const settingOf = (d: readonly number[]) => Object.fromEntries(AXIS_NAMES.map((a, i) => [a, VALUES[i]![d[i]!]!]))

describe('the trace names every axis an estimate and each of its amounts depend on', () => {
  it('a setting agreeing with the traced one on the recorded axes gives the same transaction; on an amount’s cone, the same amount', () => {
    const rnd = prng(2026)
    const digits = () => VALUES.map((v) => Math.floor(rnd() * v.length))
    let whole = 0
    let amounts = 0
    let changedSomething = 0
    for (const c of cases()) {
      for (let t = 0; t < 3; t++) {
        const q = digits()
        const res = estimate(c.store, c.request, { ...c.options, at: AT, ...settingOf(q), trace: true } as EstimateOptions)
        if (res.status !== 200) break
        const touched = touchedBits(res.trace!, BITS)
        const cones = new Cones(res.trace!, BITS)
        const agreeing = (mask: number) => {
          const s = digits()
          for (let i = 0; i < s.length; i++) if ((mask & (1 << i)) !== 0) s[i] = q[i]!
          if (s.some((x, i) => x !== q[i])) changedSomething++
          return estimate(c.store, c.request, { ...c.options, at: AT, ...settingOf(s) } as EstimateOptions)
        }
        const other = agreeing(touched)
        expect(JSON.stringify(other.status === 200 ? other.transaction : other)).toBe(JSON.stringify(res.transaction))
        whole++
        const paths = Object.keys(res.trace!.amounts).filter((p) => !p.startsWith('$'))
        for (let u = 0; u < 3; u++) {
          const x = paths[Math.floor(rnd() * paths.length)]!
          const again = agreeing(cones.of(x)!)
          expect(again.status).toBe(200)
          // Compared as reconcile compares (items matched by key): nothing at or above x moved.
          const cmp = compareEnvelopes(readEnvelope(again) as Envelope, readEnvelope(res) as Envelope, 0)
          const hit = (p: string) => p === x || x.startsWith(`${p}.`) || x.startsWith(`${p}[`)
          expect(cmp.diffs.filter((d) => d.kind !== 'extra' && hit(d.path)).map((d) => d.path), `${x} under ${JSON.stringify(settingOf(q))}`).toEqual([])
          expect(cmp.ignored.filter(hit)).toEqual([])
          amounts++
        }
      }
    }
    // Not vacuous: many checks, and the settings tried really differ from the traced ones.
    expect(whole).toBeGreaterThan(250)
    expect(amounts).toBeGreaterThan(750)
    expect(changedSomething).toBeGreaterThan(amounts)
  })

  it('a setting agreeing on the axes recorded for a rate list gives every line and the aggregate the same rates (identity, order, products); any setting gives the same lines', () => {
    const rnd = prng(7)
    const digits = () => VALUES.map((v) => Math.floor(rnd() * v.length))
    const LISTS = ['tax_rates', 'shipping_tax_rates'] as const
    type Tx = { products: { taxes: Record<string, Record<string, unknown>[]> }[]; taxes: Record<string, Record<string, unknown>[]> }
    const ids = (rates: Record<string, unknown>[], withProducts: boolean) =>
      rates.map((r) => [r.id, r.label, r.rate_percent, r.rate_amount, r.jurisdiction, r.vat_tax, withProducts ? r.applies_to : null])
    const lists = (tx: Tx, list: (typeof LISTS)[number]) => JSON.stringify([tx.products.map((p) => ids(p.taxes[list]!, false)), ids(tx.taxes[list]!, true)])
    const lines = (tx: { products: Record<string, unknown>[] }) => JSON.stringify(tx.products.map((p) => [p.id, p.name, p.variation_id, p.pack]))
    let checks = 0
    let free = 0
    let nonEmpty = 0
    for (const c of cases()) {
      const q = digits()
      const res = estimate(c.store, c.request, { ...c.options, at: AT, ...settingOf(q), trace: true } as EstimateOptions)
      if (res.status !== 200) continue
      // Which lines an estimate holds depends on no setting at all.
      const any = estimate(c.store, c.request, { ...c.options, at: AT, ...settingOf(digits()) } as EstimateOptions)
      expect(any.status === 200 ? lines(any.transaction as never) : any.status).toBe(lines(res.transaction as never))
      for (const list of LISTS) {
        const m = rateListBits(res.trace!, res.transaction, list, BITS)
        expect(m, list).toBeDefined()
        for (let u = 0; u < 2; u++) {
          const s = digits()
          for (let i = 0; i < s.length; i++) if ((m! & (1 << i)) !== 0) s[i] = q[i]!
          const other = estimate(c.store, c.request, { ...c.options, at: AT, ...settingOf(s) } as EstimateOptions)
          expect(other.status).toBe(200)
          if (other.status !== 200) continue
          expect(lists(other.transaction as unknown as Tx, list), `${list} under ${JSON.stringify(settingOf(q))} and ${JSON.stringify(settingOf(s))}`).toBe(lists(res.transaction as unknown as Tx, list))
          checks++
          if (s.some((x, i) => x !== q[i])) free++
          if ((res.transaction.taxes[list] as unknown[]).length > 0) nonEmpty++
        }
      }
    }
    // Not vacuous: the settings tried really differ, and the lists hold rates.
    expect(checks).toBeGreaterThan(300)
    expect(free).toBeGreaterThan(checks * 0.9)
    expect(nonEmpty).toBeGreaterThan(checks / 4)
  })
})
