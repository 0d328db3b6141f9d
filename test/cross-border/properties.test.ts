/**
 * Cross-border rules as properties (SPEC §3.3), over random carts of the store in ./store.ts,
 * random destinations and random policies.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { B2B, B2C, est, ok, PRODUCTS, type Line } from './store'

const EU_ELSEWHERE = ['FR', 'fr', 'EL', 'gr', 'XI', 'AT', 'IT', 'SE', 'PL']
const ANYWHERE = [...EU_ELSEWHERE, 'DE', 'CH', 'US', 'GB', 'NO', 'CA']
const IDS = PRODUCTS.filter((p) => p.id !== 'greek-only').map((p) => p.id)

const lineArb = fc.record({ id: fc.constantFrom(...IDS), quantity: fc.integer({ min: 1, max: 5 }) })
const cartArb = fc.array(lineArb, { minLength: 1, maxLength: 5 })
const roundingArb = fc.constantFrom('half_up', 'half_even', 'down', 'up')
const levelArb = fc.constantFrom('line', 'unit', 'total')
const shippingTaxArb = fc.constantFrom('proportional', 'highest', 'lowest', 'none')

const taxOf = (t: { totals: { tax: number; shipping_tax: number } }) => t.totals.tax + t.totals.shipping_tax

describe('properties', () => {
  it('reverse charge never increases tax: a verified EU business pays no more tax than the same unverified one', () => {
    fc.assert(
      fc.property(cartArb, fc.constantFrom(...EU_ELSEWHERE), fc.boolean(), roundingArb, levelArb, shippingTaxArb, (cart, country, oss, rounding, tax_rounding, shipping_tax) => {
        const options = { rounding, tax_rounding, shipping_tax }
        const store = oss ? 'oss' : 'plain'
        const verified = ok(est(store, cart, B2B(country, true), undefined, options))
        const unverified = ok(est(store, cart, B2B(country, false), undefined, options))
        expect(taxOf(verified)).toBeLessThanOrEqual(taxOf(unverified))
        // and no VAT rate survives on the verified side
        for (const p of verified.products) for (const r of [...p.taxes.tax_rates, ...p.taxes.shipping_tax_rates]) {
          if (p.id === 'consult' || p.id === 'ebook' ? country.toUpperCase() !== 'XI' : true) expect(r.vat_tax).toBe(false)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('keep_gross never changes the gross a consumer pays for an inclusive product, wherever it goes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...ANYWHERE),
        fc.boolean(),
        roundingArb,
        levelArb,
        fc.constantFrom('net', 'tax'),
        (quantity, country, oss, rounding, tax_rounding, inclusive_rounding) => {
          const options = { rounding, tax_rounding, inclusive_rounding }
          const store = oss ? 'oss' : 'plain'
          const cart: Line[] = [{ id: 'mug', quantity }]
          const abroad = ok(est(store, cart, B2C(country), undefined, options)).products[0]!.totals
          const home = ok(est(store, cart, B2C('DE'), undefined, options)).products[0]!.totals
          expect(abroad.item_total_with_tax).toBe(home.item_total_with_tax)
          expect(abroad.item_total_with_tax).toBe(1190 * quantity)
          // the tax is extracted from that gross, never added on top
          expect(abroad.subtotal).toBe(1190 * quantity)
          expect(abroad.tax).toBeLessThanOrEqual(abroad.subtotal)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('OSS moss totals are the sums of their lines; an OSS line’s moss_tax_total is its item + shipping tax, others are 0', () => {
    fc.assert(
      fc.property(cartArb, fc.constantFrom(...ANYWHERE), fc.constantFrom(...ANYWHERE), fc.boolean(), levelArb, shippingTaxArb, (cart, bill, ship, oss, tax_rounding, shipping_tax) => {
        const t = ok(est(oss ? 'oss' : 'plain', cart, B2C(bill), B2C(ship), { tax_rounding, shipping_tax }))
        let taxable = 0
        let tax = 0
        for (const p of t.products) {
          const l = p.totals
          taxable += l.moss_taxable_amount
          tax += l.moss_tax_total
          if (isOssLine(p.id!, bill, ship, oss)) {
            expect(l.moss_tax_total).toBe(l.tax + l.shipping_tax)
            // the net of the goods (inclusive: gross − tax) + the (exclusive) shipping share
            expect(l.moss_taxable_amount).toBe((p.taxes.inclusive ? l.subtotal - l.tax : l.subtotal) + l.shipping)
            for (const r of [...p.taxes.tax_rates, ...p.taxes.shipping_tax_rates]) expect(r.moss).toBe(true)
          } else {
            expect([l.moss_taxable_amount, l.moss_tax_total]).toEqual([0, 0])
            for (const r of [...p.taxes.tax_rates, ...p.taxes.shipping_tax_rates]) expect(r.moss).toBe(false)
          }
        }
        expect(t.totals.moss_taxable_amount).toBe(taxable)
        expect(t.totals.moss_tax_total).toBe(tax)
      }),
      { numRuns: 150 },
    )
  })
})

/** An independent oracle of SPEC §3.3 for consumers of a German merchant: is this line taxed under OSS? */
const EU27 = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ')
function isOssLine(id: string, bill: string, ship: string, oss: boolean): boolean {
  const product = PRODUCTS.find((p) => p.id === id)!
  const goods = product.type === 'physical_product'
  let place = (goods ? ship : bill).toUpperCase()
  if (place === 'EL') place = 'GR'
  const eu = EU27.includes(place) || (goods && place === 'XI')
  return place !== 'DE' && eu && (oss || (product as { is_moss_product?: boolean }).is_moss_product === true)
}
