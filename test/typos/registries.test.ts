/**
 * The registries of the pricing core (discount kinds, shipping cost kinds, policy axes, presets)
 * and the public types and known keys agree: a kind, an axis value or a preset added to a registry
 * without its type and its known keys fails here (and `tsc`), instead of being rejected as an
 * unknown key at run time or missing from the JSON Schemas.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { DISCOUNT_KINDS, type DiscountType } from '../../src/5-discounts/kinds/index'
import { SHIPPING_COST_KINDS, type ShippingMethodType } from '../../src/7-shipping/costs/index'
import { ACCOUNT, DISCOUNT, OPTIONS, SHIPPING_METHOD } from '../../src/input/fields'
import { AXES, AXIS_NAMES, type AxisName, type AxisValueName } from '../../src/policies/axes'
import { PRESETS } from '../../src/policies/presets'
import { createStore, estimate, StoreConfigError, type DiscountConfig, type PolicySettings, type PresetName, type ShippingMethodConfig } from '../../src/index'

describe('registries ↔ public types', () => {
  it('discount and shipping method types are the registries\' kinds', () => {
    expectTypeOf<DiscountConfig['type']>().toEqualTypeOf<DiscountType>()
    expectTypeOf<ShippingMethodConfig['type']>().toEqualTypeOf<ShippingMethodType>()
    expect(Object.keys(DISCOUNT_KINDS).sort()).toEqual(['buy_x_get_y', 'fixed', 'free_shipping', 'percent', 'shipping'])
  })

  it('every policy axis is a field of the settings, with exactly its registry\'s values; presets likewise', () => {
    expectTypeOf<keyof PolicySettings>().toEqualTypeOf<AxisName | 'preset'>()
    expectTypeOf<{ readonly [A in AxisName]-?: NonNullable<PolicySettings[A]> }>().toEqualTypeOf<{ readonly [A in AxisName]: AxisValueName<A> }>()
    expectTypeOf<PresetName>().toEqualTypeOf<keyof typeof PRESETS>()
    expect(AXIS_NAMES).toHaveLength(10)
  })
})

describe('registries ↔ known keys', () => {
  it("every kind's own fields are known keys of its object", () => {
    for (const k of Object.values(DISCOUNT_KINDS)) for (const f of k.fields) expect(DISCOUNT.list).toContain(f)
    for (const k of Object.values(SHIPPING_COST_KINDS)) for (const f of k.fields) expect(SHIPPING_METHOD.list).toContain(f)
  })

  it('every axis and preset is a known key of the account and of the options', () => {
    for (const a of [...AXIS_NAMES, 'preset']) {
      expect(ACCOUNT.list).toContain(a)
      expect(OPTIONS.list).toContain(a)
    }
  })

  it('at run time: each axis set on the account and per call is read, a misspelt one is reported', () => {
    const account: Record<string, unknown> = { base_currency: 'EUR', country: 'DE', preset: 'shopify' }
    for (const a of AXIS_NAMES) account[a] = AXES[a].default
    const store = createStore({ account, products: [{ id: 'p', name: 'P', type: 'service', price: 100, currency: 'EUR' }] } as never)
    const res = estimate(store, { products: [{ id: 'p' }], new_customer: { country: 'DE' } }, { at: '2026-01-01T00:00:00Z', allocation: 'last', preset: 'magento' })
    expect(res.status === 200 && res.warnings).toEqual([])
    try {
      createStore({ account: { base_currency: 'EUR', country: 'DE', allocaton: 'carry' } } as never)
      expect.unreachable()
    } catch (e) {
      expect(e instanceof StoreConfigError && e.issues.map((i) => [i.code, i.path, i.suggestion])).toEqual([['unknown_field', 'account.allocaton', 'allocation']])
    }
  })
})
