/**
 * Type tests of the public API. `expectTypeOf` and `@ts-expect-error` are checked by
 * `tsc --noEmit -p .` (test/package/typecheck.node.test.ts runs it inside `npm test`): an unused
 * `@ts-expect-error` is itself an error, so each line fails the build if the types loosen.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  createStore,
  estimate,
  summarize,
  StoreConfigError,
  type CreateResponse,
  type EstimateOptions,
  type EstimateRequest,
  type EstimateResponse,
  type Issue,
  type Store,
  type Transaction,
} from '../src/index'

const config = {
  account: { base_currency: 'EUR', country: 'DE' },
  products: [{ id: 'p', name: 'P', price: 100, currency: 'EUR', type: 'digital_product' }],
} as const
const request: EstimateRequest = { products: [{ id: 'p' }], new_customer: { country: 'DE' } }

describe('public types', () => {
  it('estimate returns the envelope, narrowed by status', () => {
    const store = createStore(config)
    const res = estimate(store, request, { at: '2026-01-01T00:00:00Z' })
    expectTypeOf(res).toEqualTypeOf<EstimateResponse>()
    if (res.status === 200) {
      expectTypeOf(res.transaction).toEqualTypeOf<Transaction>()
      expectTypeOf(res.transaction.totals.total).toBeNumber()
      // @ts-expect-error a success has no errors
      void res.errors
    } else {
      expectTypeOf(res.errors).toEqualTypeOf<readonly Issue[]>()
    }
    expect(res.status).toBe(200)
  })

  it('a Store is opaque: a raw config is not a Store', () => {
    expectTypeOf(createStore(config)).toEqualTypeOf<Store>()
    // @ts-expect-error a plain object cannot stand in for a prepared store
    expect(() => estimate(config, request)).toThrow(StoreConfigError)
  })

  it('options take the policy names, not arbitrary strings', () => {
    expectTypeOf<EstimateOptions['rounding']>().toEqualTypeOf<'half_up' | 'half_even' | 'half_down' | 'up' | 'down' | 'ceil' | 'floor' | undefined>()
    // @ts-expect-error not a rounding mode
    const bad: EstimateOptions = { rounding: 'bankers' }
    // …and at run time the same mistake is a 400 on options.rounding, not an exception
    const res = estimate(createStore(config), request, bad)
    expect(res.status).toBe(400)
    if (res.status === 400) expect(res.errors[0]).toMatchObject({ code: 'invalid_option', path: 'options.rounding' })
  })

  it('summarize returns the create shape; StoreConfigError carries issues', () => {
    expectTypeOf(summarize).returns.toEqualTypeOf<CreateResponse>()
    expectTypeOf<StoreConfigError['issues']>().toEqualTypeOf<readonly Issue[]>()
  })
})
