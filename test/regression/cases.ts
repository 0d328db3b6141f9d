/**
 * The inputs of the regression corpus: seeded, deterministic, and spread over every feature the
 * calculation has — the API fixtures under every policy, a hand-written store that reaches every
 * stage (variants, packs, conversion, cross-border, every discount type, nShift, plans) under
 * several policy sets, the example store with generated carts, and thousands of random valid
 * stores and carts (every policy value, extreme amounts that overflow included).
 *
 * The corpus file holds these inputs *and* the outputs the build of the day gave for them, so it
 * stays the record even when the generators below change.
 */
import fc from 'fast-check'
import estimateStore from '../fixtures/api-estimate-de/store.json'
import estimateRequest from '../fixtures/api-estimate-de/request.json'
import createStoreJson from '../fixtures/api-create-de/store.json'
import createRequest from '../fixtures/api-create-de/request.json'
import exampleStore from '../../examples/cart-preview/store.json'
import { generatedCarts } from '../support/carts'
import { prng } from '../support/prng'
import { RICH_REQUESTS, RICH_STORE } from '../fuzz/rich'
import { validCase } from '../fuzz/valid'

type Json = Record<string, unknown>

/** One regression case: a store config (inline), a request, estimate options and summarize options. */
export interface CorpusInput {
  readonly name: string
  readonly store: unknown
  readonly request: unknown
  readonly options: Json
  readonly summarize?: Json
}

export const AT = '2026-03-02T09:30:00.000Z'
const ROUNDINGS = ['half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor'] as const
const TAX_ROUNDING = ['line', 'unit', 'total'] as const
const SHIPPING_TAX = ['proportional', 'highest', 'lowest', 'none'] as const
const INCLUSIVE_ROUNDING = ['net', 'tax'] as const
const CROSS_BORDER = ['keep_gross', 'keep_net'] as const
const INSTALMENTS = ['tamio', 'exact'] as const

/** A random policy set (each axis present with probability `p`). */
function policies(rnd: () => number, p: number): Json {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const o: Json = {}
  if (rnd() < p) o.rounding = pick(ROUNDINGS)
  if (rnd() < p) o.tax_rounding = pick(TAX_ROUNDING)
  if (rnd() < p) o.shipping_tax = pick(SHIPPING_TAX)
  if (rnd() < p) o.inclusive_rounding = pick(INCLUSIVE_ROUNDING)
  if (rnd() < p) o.inclusive_cross_border = pick(CROSS_BORDER)
  if (rnd() < p) o.instalment_rounding = pick(INSTALMENTS)
  return o
}

function fixtures(): CorpusInput[] {
  const out: CorpusInput[] = []
  const stores = [
    ['api-estimate-de', estimateStore, estimateRequest],
    ['api-create-de', createStoreJson, createRequest],
  ] as const
  for (const [name, store, request] of stores) {
    out.push({ name: `fixture ${name}`, store, request, options: { at: AT }, summarize: {} })
    for (const rounding of ROUNDINGS)
      for (const tax_rounding of TAX_ROUNDING)
        for (const shipping_tax of SHIPPING_TAX)
          for (const instalment_rounding of INSTALMENTS)
            out.push({
              name: `fixture ${name} ${rounding}/${tax_rounding}/${shipping_tax}/${instalment_rounding}`,
              store,
              request,
              options: { at: AT, rounding, tax_rounding, shipping_tax, instalment_rounding },
              summarize: { payment_method: 'instalments' },
            })
  }
  return out
}

function rich(): CorpusInput[] {
  const rnd = prng(777)
  const out: CorpusInput[] = []
  RICH_REQUESTS.forEach((request, i) => {
    out.push({ name: `rich #${i} defaults`, store: RICH_STORE, request, options: { at: AT }, summarize: {} })
    for (let k = 0; k < 24; k++) {
      const o: Json = { at: AT, ...policies(rnd, 0.7) }
      if (rnd() < 0.3) o.payment_method = rnd() < 0.5 ? 'klarna' : 'stripe'
      if (rnd() < 0.1) o.strict = true
      out.push({ name: `rich #${i} policies ${k}`, store: RICH_STORE, request, options: o, summarize: rnd() < 0.5 ? {} : { payment_method: 'klarna' } })
    }
    // The same request against the store with its own account policies switched.
    const account = { ...(RICH_STORE.account as Json), ...policies(rnd, 1) }
    out.push({ name: `rich #${i} account policies`, store: { ...RICH_STORE, account }, request, options: { at: AT }, summarize: {} })
  })
  return out
}

function example(): CorpusInput[] {
  const stores: Record<string, unknown> = { 'api-estimate-de': estimateStore, 'api-create-de': createStoreJson, 'cart-preview': exampleStore }
  return generatedCarts(300, 424242).map((c) => ({ name: c.name, store: stores[c.store], request: c.request, options: c.options, summarize: {} }))
}

function random(count: number, seed: number): CorpusInput[] {
  const cases = fc.sample(validCase(10), { seed, numRuns: count })
  return cases.map((c, i) => ({ name: `random #${i}${c.extreme ? ' (extreme)' : ''}`, store: c.store, request: c.request, options: c.options, summarize: {} }))
}

/** Every input of the corpus, in a fixed order. */
export function corpusInputs(): CorpusInput[] {
  return [...fixtures(), ...rich(), ...example(), ...random(4000, 20261201)]
}
