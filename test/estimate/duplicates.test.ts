/**
 * Ids are unique within their kind: the first entry with an id wins, every later one is a store
 * error `duplicate_id` at that later entry's own path in the config.
 */
import { describe, expect, it } from 'vitest'
import { configIssues as storeIssues, product } from '../support/estimate-kit'

const eur = (price: number) => [{ currency: 'EUR', price }]

describe('duplicate ids', () => {
  it('a repeated product id is an error at the repeat', () => {
    expect(storeIssues({ products: [product('a', 100), product('b', 100), product('a', 200)] })).toEqual([['duplicate_id', 'products[2].id']])
  })

  it('a repeated variant id is an error at the repeated entry, counted in the config, not among the entries read', () => {
    // The first entry has no id (an error of its own), so the readable entries are [1] and [2]:
    // the repeat is variants[2] in the config (it was reported as variants[1], the second one read).
    const variants = [{ pricing_model: eur(100) }, { id: 'v1', pricing_model: eur(100) }, { id: 'v1', pricing_model: eur(200) }]
    const issues = storeIssues({ products: [product('shirt', 1000, { variations: { delta_pricing: false, variants } })] })
    expect(issues).toContainEqual(['duplicate_id', 'products[0].variations.variants[2]'])
    expect(issues).not.toContainEqual(['duplicate_id', 'products[0].variations.variants[1]'])
  })

  it('a repeated pack id is an error at the repeated pack, counted in the config', () => {
    const packs = [{ units: 2, stock: 5, pricing_model: eur(100) }, { id: 'k', units: 2, stock: 5, pricing_model: eur(100) }, { id: 'k', units: 3, stock: 5, pricing_model: eur(100) }]
    const issues = storeIssues({ products: [product('cup', 500, { packs })] })
    expect(issues).toContainEqual(['duplicate_id', 'products[0].packs[2]'])
    expect(issues).not.toContainEqual(['duplicate_id', 'products[0].packs[1]'])
  })

  it('a variant id repeated in another product is an error at the second product’s entry', () => {
    const v = (id: string) => ({ variations: { delta_pricing: false, variants: [{ id, pricing_model: eur(100) }] } })
    expect(storeIssues({ products: [product('a', 100, v('same')), product('b', 100, v('same'))] })).toEqual([['duplicate_id', 'products[1].variations.variants[0]']])
  })

  it('a repeated tax rate id is an error at the repeat (a rate with no id is never a duplicate)', () => {
    const rate = (id: string | null, pct: string) => ({ id, label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: pct, vat_tax: true })
    // Read silently, both rates applied: 19 % + 7 % on every German line.
    expect(storeIssues({ tax_rates: [rate('de', '19'), rate('de', '7')] })).toEqual([['duplicate_id', 'tax_rates[1].id']])
    expect(storeIssues({ tax_rates: [rate(null, '19'), rate(null, '7')] })).toEqual([])
  })

  it('a repeated instalment plan id is an error at the repeat', () => {
    const plan = (n: number) => ({ id: 'split', instalments: n, interval: 1, cycle: 'month' })
    expect(storeIssues({ instalment_plans: [plan(3), plan(4)] })).toEqual([['duplicate_id', 'instalment_plans[1].id']])
  })
})
