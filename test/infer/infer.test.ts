/**
 * inferPolicies on the API fixtures and on bad input (Node and the browser): the fixtures need no
 * change to the store they come with; input the search cannot use is an InferenceError naming each
 * problem's path, never a TypeError; a 400 response is compared like any other.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import estStore from '../fixtures/api-estimate-de/store.json'
import estRequest from '../fixtures/api-estimate-de/request.json'
import estResponse from '../fixtures/api-estimate-de/response.json'
import crStore from '../fixtures/api-create-de/store.json'
import crRequest from '../fixtures/api-create-de/request.json'
import crResponse from '../fixtures/api-create-de/response.json'
import { createStore, estimate, inferPolicies, InferenceError, StoreConfigError, type EstimateRequest, type InferOrder, type StoreConfig } from '../../src/index'

const AT = '2026-11-25T12:00:00Z'
const est = createStore(estStore as unknown as StoreConfig)
const cr = createStore(crStore as unknown as StoreConfig)
const estOrder: InferOrder = { request: estRequest as unknown as EstimateRequest, response: estResponse, at: AT }

/** The issues of the InferenceError `f` throws ([] if it returns). */
function issues(f: () => unknown): { code: string; path: string }[] {
  try {
    f()
    return []
  } catch (e) {
    if (!(e instanceof InferenceError)) throw e
    return e.issues.map((i) => ({ code: i.code, path: i.path }))
  }
}

describe('inferPolicies on the API fixtures', () => {
  it('api-estimate-de (estimate shape): the store as given reproduces it, so nothing changes: {}', () => {
    const inf = inferPolicies(est, [estOrder])
    expect(inf).toMatchObject({ policies: {}, matched: 1, total: 1, unexplained: [], alternatives: [], account: {} })
  })

  it('api-create-de (create shape): {} too; its account keeps the one field it sets (shipping_tax "none")', () => {
    const inf = inferPolicies(cr, [{ request: crRequest as unknown as EstimateRequest, response: crResponse, at: AT }])
    expect(inf).toMatchObject({ policies: {}, matched: 1, total: 1, unexplained: [], account: { shipping_tax: 'none' } })
  })

  it('the exact instalment rounding does not reproduce api-estimate-de: an order pinning it stays unexplained, with the API’s dropped cent', () => {
    // The order's own option wins over the searched one: no setting can reproduce it.
    const inf = inferPolicies(est, [{ ...estOrder, options: { instalment_rounding: 'exact' } }])
    expect(inf.matched).toBe(0)
    // 2159 + 3 × 5113 = 17498 is the API's plan total; exact keeps T = 17499.
    expect(inf.unexplained[0]!.differences).toContainEqual(expect.objectContaining({ path: 'instalments[0].total_amount', ours: 17499, theirs: 17498, delta: -1 }))
  })

  it('is deterministic and leaves its inputs alone', () => {
    const orders = [estOrder, estOrder]
    const before = JSON.stringify(orders)
    const a = inferPolicies(est, orders)
    const b = inferPolicies(est, orders)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(JSON.stringify(orders)).toBe(before)
  })

  it('no orders: nothing to explain, the store as it is ({}), 0 of 0', () => {
    expect(inferPolicies(est, [])).toMatchObject({ policies: {}, matched: 0, total: 0, unexplained: [] })
  })
})

describe('inferPolicies on bad input', () => {
  it('orders that are not an array, and orders without a request or a response, are InferenceErrors at their paths', () => {
    expect(issues(() => inferPolicies(est, 'x' as never))).toEqual([{ code: 'invalid_type', path: 'orders' }])
    expect(issues(() => inferPolicies(est, [null, 3] as never))).toEqual([
      { code: 'invalid_type', path: 'orders[0]' },
      { code: 'invalid_type', path: 'orders[1]' },
    ])
    expect(issues(() => inferPolicies(est, [{ response: estResponse }, { request: estRequest }] as never))).toEqual([
      { code: 'required', path: 'orders[0].request' },
      { code: 'required', path: 'orders[1].response' },
    ])
  })

  it('a response that is no API response, an invalid option or instant of an order, are InferenceErrors at their paths', () => {
    expect(issues(() => inferPolicies(est, [{ ...estOrder, response: 'hello' }]))).toEqual([{ code: 'invalid_type', path: 'orders[0].response' }])
    expect(issues(() => inferPolicies(est, [{ ...estOrder, response: { foo: 1 } }]))).toEqual([{ code: 'invalid_type', path: 'orders[0].response' }])
    // A 200 without a transaction, or one whose transaction holds nothing we compute, reproduces nothing.
    expect(issues(() => inferPolicies(est, [{ ...estOrder, response: { status: 200, transaction: null } }]))).toEqual([{ code: 'invalid_type', path: 'orders[0].response' }])
    expect(issues(() => inferPolicies(est, [{ ...estOrder, response: { status: 200, errors: [] } }]))).toEqual([{ code: 'invalid_type', path: 'orders[0].response' }])
    expect(issues(() => inferPolicies(est, [{ ...estOrder, options: { rounding: 'bankers' as never } }]))).toEqual([{ code: 'invalid_option', path: 'orders[0].options.rounding' }])
    expect(issues(() => inferPolicies(est, [{ ...estOrder, at: 'yesterday' }]))).toEqual([{ code: 'invalid_date', path: 'orders[0].at' }])
    // The search sets the trace flag itself, but a flag that is no boolean is still a mistake.
    expect(issues(() => inferPolicies(est, [{ ...estOrder, options: { trace: 'yes' as never } }]))).toEqual([{ code: 'invalid_option', path: 'orders[0].options.trace' }])
  })

  it('a misspelt key of an order or of the options is an unknown_field with its "did you mean", never ignored', () => {
    const thrown = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        if (e instanceof InferenceError) return e.issues.map((i) => ({ code: i.code, path: i.path, suggestion: i.suggestion }))
        throw e
      }
      return 'no error'
    }
    expect(thrown(() => inferPolicies(est, [estOrder], { tolerence: 1 } as never))).toEqual([{ code: 'unknown_field', path: 'options.tolerence', suggestion: 'tolerance' }])
    expect(thrown(() => inferPolicies(est, [{ ...estOrder, optoins: { rounding: 'down' } } as never]))).toEqual([{ code: 'unknown_field', path: 'orders[0].optoins', suggestion: 'options' }])
  })

  it('invalid options of the inference itself are InferenceErrors at options.…', () => {
    expect(issues(() => inferPolicies(est, [estOrder], 'x' as never))).toEqual([{ code: 'invalid_type', path: 'options' }])
    expect(issues(() => inferPolicies(est, [estOrder], { axes: ['rounding', 'colour' as never] }))).toEqual([{ code: 'invalid_option', path: 'options.axes[1]' }])
    // eslint-disable-next-line no-sparse-arrays
    expect(issues(() => inferPolicies(est, [estOrder], { axes: [, 'rounding'] as never }))).toEqual([{ code: 'invalid_option', path: 'options.axes[0]' }])
    expect(issues(() => inferPolicies(est, [estOrder], { tolerance: -1, alternatives: 21, at: 'nope' }))).toEqual([
      { code: 'invalid_date', path: 'options.at' },
      { code: 'invalid_value', path: 'options.tolerance' },
      { code: 'invalid_value', path: 'options.alternatives' },
    ])
  })

  it('a value that is not a store is a StoreConfigError (invalid_store), as for estimate', () => {
    expect(() => inferPolicies({} as never, [estOrder])).toThrow(StoreConfigError)
  })

  it('a 400 response is reproduced by our 400 with the same error codes (under every setting), and not by a 200', () => {
    const bad = { products: [{ id: 'no-such-product' }], customer: { id: '9c91c6eb-9146-4bf5-82da-dc73aba59a46' } } as unknown as EstimateRequest
    const api400 = estimate(est, bad, { at: AT })
    expect(api400.status).toBe(400)
    expect(inferPolicies(est, [{ request: bad, response: api400, at: AT }])).toMatchObject({ policies: {}, matched: 1 })
    const inf = inferPolicies(est, [{ ...estOrder, response: api400 }])
    expect(inf.matched).toBe(0)
    expect(inf.unexplained[0]!.differences[0]).toMatchObject({ path: 'status', ours: 200, theirs: 400 })
  })

  it('never a TypeError: any value as an order is a result or an InferenceError', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.record({ request: fc.anything(), response: fc.anything(), at: fc.anything(), options: fc.anything() })), { maxLength: 3 }), (orders) => {
        try {
          const inf = inferPolicies(est, orders as never, { axes: ['rounding'] })
          expect(inf.matched + inf.unexplained.length).toBe(inf.total)
        } catch (e) {
          expect(e).toBeInstanceOf(InferenceError)
        }
      }),
      { numRuns: 150, seed: 7 },
    )
  })
})
