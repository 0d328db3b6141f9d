/**
 * Isolation (SECURITY.md): inputs are never written to, a response shares no object with the store
 * or with another response, and `__proto__` / `constructor` keys in a request pollute nothing. Runs
 * in Node and in Chromium.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate } from '../../src/index'
import { assertNoPollution, deepFreeze } from './check'
import { sharedObject } from './properties'
import { AT, RICH_OPTIONS, RICH_REQUESTS, RICH_STORE } from './rich'

describe('isolation', () => {
  it('frozen inputs price exactly as unfrozen copies do (nothing writes to them)', () => {
    const s = createStore(deepFreeze(JSON.parse(JSON.stringify(RICH_STORE))) as never)
    for (const r of RICH_REQUESTS) {
      const frozen = estimate(s, deepFreeze(JSON.parse(JSON.stringify(r))) as never, deepFreeze({ ...RICH_OPTIONS[1]! }) as never)
      const plain = estimate(createStore(JSON.parse(JSON.stringify(RICH_STORE)) as never), JSON.parse(JSON.stringify(r)) as never, { ...RICH_OPTIONS[1]! } as never)
      expect(JSON.stringify(frozen)).toBe(JSON.stringify(plain))
    }
  })

  it('two responses share no object, so editing one (a discount\'s applies_to) changes neither the store nor the next response', () => {
    const s = createStore(RICH_STORE as never)
    // RICH_REQUESTS[0] applies the automatic "Mug week" discount, applies_to { products: ['mug'] }.
    const first = estimate(s, RICH_REQUESTS[0] as never, { at: AT })
    const second = estimate(s, RICH_REQUESTS[0] as never, { at: AT })
    expect(sharedObject(first, second)).toBeNull()
    if (first.status !== 200) throw new Error('expected a 200')
    const auto = first.transaction.discounts.find((d) => d.id === 'auto-mugs')!
    expect(auto.applies_to).toEqual({ products: ['mug'], categories: null })
    ;(auto.applies_to!.products as string[]).push('everything')
    const third = estimate(s, RICH_REQUESTS[0] as never, { at: AT })
    expect(third.status === 200 && third.transaction.discounts.find((d) => d.id === 'auto-mugs')!.applies_to).toEqual({ products: ['mug'], categories: null })
  })

  it('two traced responses share no object either: editing one trace (a policy list, a sum\'s terms) changes no other', () => {
    const s = createStore(RICH_STORE as never)
    for (const r of RICH_REQUESTS) {
      for (const options of RICH_OPTIONS) {
        const first = estimate(s, r as never, { ...options, at: AT, trace: true })
        const second = estimate(s, r as never, { ...options, at: AT, trace: true })
        if (first.status !== 200 || second.status !== 200) continue
        // Reading builds each trace's entries.
        void first.trace!.amounts
        void second.trace!.amounts
        expect(sharedObject(first, second)).toBeNull()
      }
    }
    // The policy lists and the terms of a sum over every line are the same in every trace: each has its own.
    const a = estimate(s, RICH_REQUESTS[0] as never, { at: AT, trace: true })
    if (a.status !== 200) throw new Error('expected a 200')
    const [path, entry] = Object.entries(a.trace!.amounts).find(([, e]) => e.policies !== undefined)!
    const before = [...entry.policies!]
    ;(entry.policies as string[]).push('shipping_tax')
    ;(a.trace!.amounts['totals.total']!.terms as [string, 1 | -1][]).length = 0
    const b = estimate(s, RICH_REQUESTS[0] as never, { at: AT, trace: true })
    if (b.status !== 200) throw new Error('expected a 200')
    expect(b.trace!.amounts[path]!.policies).toEqual(before)
    expect(b.trace!.amounts['totals.total']!.terms!.length).toBeGreaterThan(0)
  })

  it("a trace's amounts and splits are ordinary objects (Object's prototype) and every sum's terms are a dense list of [path, sign]", () => {
    const s = createStore(RICH_STORE as never)
    let sums = 0
    for (const r of RICH_REQUESTS) {
      const res = estimate(s, r as never, { at: AT, trace: true })
      if (res.status !== 200) continue
      const { amounts, splits } = res.trace!
      expect(Object.getPrototypeOf(amounts)).toBe(Object.prototype)
      expect(Object.getPrototypeOf(splits)).toBe(Object.prototype)
      expect(amounts.hasOwnProperty('totals.total')).toBe(true)
      expect(Object.keys(amounts)).toContain('totals.total')
      for (const e of Object.values(amounts)) {
        if (e.op !== 'sum') continue
        sums++
        // No hole: a slot a sized list left unwritten has no key (and forEach would skip it).
        expect(Object.keys(e.terms!)).toHaveLength(e.terms!.length)
        for (const t of e.terms!) {
          expect(typeof t[0]).toBe('string')
          expect([1, -1]).toContain(t[1])
        }
      }
    }
    expect(sums).toBeGreaterThan(100)
  })

  it('__proto__, constructor and prototype keys (own keys, as JSON.parse makes them) pollute nothing and are not echoed as __proto__', () => {
    const s = createStore(RICH_STORE as never)
    const request = JSON.parse(`{
      "__proto__": { "polluted": "request" },
      "constructor": { "prototype": { "polluted": "ctor" } },
      "products": [{ "id": "mug", "__proto__": { "quantity": 99 } }],
      "new_customer": { "country": "DE", "name": "P", "__proto__": { "polluted": "customer" }, "constructor": "c",
                        "billing_information": { "country": "DE", "__proto__": { "is_company": true } } }
    }`) as Record<string, unknown>
    const res = estimate(s, request as never, { at: AT })
    assertNoPollution()
    expect(res.status).toBe(200)
    if (res.status !== 200) return
    // The line's quantity is the default 1: an inherited-looking quantity under __proto__ is not read.
    expect(res.transaction.products[0]!.quantity).toBe(1)
    const info = res.transaction.customer_information
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype)
    expect(Object.prototype.hasOwnProperty.call(info, '__proto__')).toBe(false)
    // A plain string field named "constructor" is echoed like any other scalar.
    expect(info.constructor).toBe('c')
    expect(Object.prototype.hasOwnProperty.call(info.billing_information, '__proto__')).toBe(false)
  })
})
