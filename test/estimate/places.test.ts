/**
 * Customer and places (SPEC §3.2): bill-to and ship-to resolution (inline, by id, defaults,
 * same_shipping_address), country fallbacks, locale precedence and the echoed
 * customer_information. The bill-to country is observed through payment methods limited by
 * `countries`, the ship-to country through shipping methods limited by `countries`.
 */
import { describe, expect, it } from 'vitest'
import { errors, ok, physical, run, warnings, type Cfg } from '../support/estimate-kit'

const COUNTRIES = ['AT', 'FR', 'SE', 'DE', 'IT']
const cfg: Cfg = {
  tax_rates: [],
  products: [physical('box', 1000)],
  account: { payment_methods: COUNTRIES.map((c) => ({ id: `pay-${c}`, countries: [c] })) },
  shipping_methods: COUNTRIES.map((c) => ({ id: `ship-${c}`, label: c, type: 'fixed', cost: 0, countries: [c] })),
  customers: [
    {
      id: 'c-full',
      name: 'Anna',
      email: 'anna@example.com',
      country: 'AT',
      locale: 'de-AT',
      stripe_customer_id: 'cus_1',
      meta: { nested: true },
      addresses: [
        { id: 'a-home', country: 'AT', city: 'Wien', locale: 'de', phone: null },
        { id: 'a-work', country: 'FR', city: 'Paris', locale: 'fr', is_company: true },
      ],
      default_billing_address_id: 'a-home',
      default_shipping_address_id: 'a-work',
    },
    { id: 'c-bare', country: 'SE' },
    { id: 'c-none' },
    { id: 'c-addr-locale', addresses: [{ id: 'x', country: 'IT', locale: 'it' }], default_billing_address_id: 'x' },
  ],
}

/** [bill-to country, ship-to country] as the estimate saw them. */
function countries(customer: Record<string, unknown>, extra: Record<string, unknown> = {}): [string, string] {
  const t = ok(run(cfg, { customer, products: [{ id: 'box' }], ...extra }))
  const pay = t.payments.filter((p) => p.startsWith('pay-'))
  const ship = t.shipping.shipping_method?.id ?? 'none'
  return [pay.join(',').replace('pay-', ''), ship.replace('ship-', '')]
}

describe('customer and places', () => {
  it('defaults: bill-to = default billing address, ship-to = default shipping address', () => {
    expect(countries({ id: 'c-full' })).toEqual(['AT', 'FR'])
  })

  it('billing_address_id / shipping_address_id pick stored addresses', () => {
    expect(countries({ id: 'c-full', billing_address_id: 'a-work' })).toEqual(['FR', 'FR'])
    expect(countries({ id: 'c-full', shipping_address_id: 'a-home' })).toEqual(['AT', 'AT'])
  })

  it('inline billing_information / shipping_information win over ids', () => {
    expect(countries({ id: 'c-full', billing_address_id: 'a-work', billing_information: { country: 'IT' } })).toEqual(['IT', 'FR'])
    expect(countries({ id: 'c-full', shipping_address_id: 'a-home', shipping_information: { country: 'se' } })).toEqual(['AT', 'SE'])
  })

  it('same_shipping_address ships to the bill-to address instead of the default shipping address', () => {
    expect(countries({ id: 'c-full', same_shipping_address: true })).toEqual(['AT', 'AT'])
    expect(countries({ id: 'c-full', billing_address_id: 'a-work', same_shipping_address: true })).toEqual(['FR', 'FR'])
    // an explicit shipping address still wins
    expect(countries({ id: 'c-full', same_shipping_address: true, shipping_address_id: 'a-work' })).toEqual(['AT', 'FR'])
  })

  it('an unknown address id is a 400 at its path', () => {
    expect(errors(run(cfg, { customer: { id: 'c-full', billing_address_id: 'nope' }, products: [{ id: 'box' }] }))).toEqual([['unknown_address', 'customer.billing_address_id']])
    expect(errors(run(cfg, { customer: { id: 'c-full', shipping_address_id: 'nope' }, products: [{ id: 'box' }] }))).toEqual([['unknown_address', 'customer.shipping_address_id']])
  })

  it('countries fall back: ship-to → bill-to → customer country', () => {
    // ship-to without a country → the bill-to country
    expect(countries({ id: 'c-full', shipping_information: { city: 'Somewhere' } })).toEqual(['AT', 'AT'])
    // bill-to without a country → the customer's country (AT), ship-to default FR stays
    expect(countries({ id: 'c-full', billing_information: { name: 'No country' } })).toEqual(['AT', 'FR'])
    // no addresses at all → the customer's country for both
    expect(countries({ id: 'c-bare' })).toEqual(['SE', 'SE'])
    expect(countries({ id: 'c-bare', country: 'IT' })).toEqual(['IT', 'IT']) // the inline country first
  })

  it('with no country anywhere: the account country, warning customer_country_unknown', () => {
    const res = run(cfg, { customer: { id: 'c-none' }, products: [{ id: 'box' }] })
    expect(warnings(res)).toEqual([['customer_country_unknown', 'customer.country']])
    expect(countries({ id: 'c-none' })).toEqual(['DE', 'DE'])
    const fresh = run(cfg, { customer: undefined, new_customer: { name: 'Nobody' }, products: [{ id: 'box' }] })
    expect(warnings(fresh)).toEqual([['customer_country_unknown', 'new_customer.country']])
  })

  it('a known country does not warn', () => {
    expect(warnings(run(cfg, { customer: { id: 'c-bare' }, products: [{ id: 'box' }] }))).toEqual([])
  })

  it('new_customer: its country and inline addresses', () => {
    expect(countries(undefined as unknown as Record<string, unknown>, { new_customer: { name: 'New', country: 'SE' } })).toEqual(['SE', 'SE'])
    expect(countries(undefined as unknown as Record<string, unknown>, { new_customer: { country: 'SE', shipping_information: { country: 'IT' } } })).toEqual(['SE', 'IT'])
  })

  describe('locale', () => {
    const locale = (customer: Record<string, unknown>, requestLocale?: string) =>
      ok(run(cfg, { customer, products: [{ id: 'box' }], ...(requestLocale === undefined ? {} : { locale: requestLocale }) })).locale

    it('request.locale first', () => expect(locale({ id: 'c-full', locale: 'sv' }, 'fi')).toBe('fi'))
    it('then the customer\'s (inline before stored)', () => {
      expect(locale({ id: 'c-full', locale: 'sv' })).toBe('sv')
      expect(locale({ id: 'c-full' })).toBe('de-AT')
    })
    it('then the bill-to address\'s', () => expect(locale({ id: 'c-addr-locale' })).toBe('it'))
    it('else en', () => expect(locale({ id: 'c-bare' })).toBe('en'))
  })

  describe('customer_information', () => {
    it('echoes the stored scalars (not addresses, default ids or nested objects) and the resolved addresses', () => {
      const t = ok(run(cfg, { customer: { id: 'c-full' }, products: [{ id: 'box' }] }))
      expect(t.customer_information).toEqual({
        id: 'c-full',
        name: 'Anna',
        email: 'anna@example.com',
        country: 'AT',
        locale: 'de-AT',
        stripe_customer_id: 'cus_1',
        billing_information: { id: 'a-home', country: 'AT', city: 'Wien', locale: 'de', phone: null },
        shipping_information: { id: 'a-work', country: 'FR', city: 'Paris', locale: 'fr', is_company: true },
      })
    })

    it('inline scalars override stored ones; inline addresses are echoed as given', () => {
      const t = ok(run(cfg, { customer: { id: 'c-full', name: 'Anna B.', billing_information: { country: 'IT', name: 'Firma' }, same_shipping_address: true }, products: [{ id: 'box' }] }))
      const info = t.customer_information
      expect(info.name).toBe('Anna B.')
      expect(info.billing_information).toEqual({ country: 'IT', name: 'Firma' })
      expect(info.shipping_information).toEqual({ country: 'IT', name: 'Firma' })
      expect('same_shipping_address' in info).toBe(false)
      expect('addresses' in info || 'default_billing_address_id' in info || 'meta' in info).toBe(false)
    })

    it('a customer without addresses echoes null addresses', () => {
      const info = ok(run(cfg, { customer: { id: 'c-bare' }, products: [{ id: 'box' }] })).customer_information
      expect([info.billing_information, info.shipping_information]).toEqual([null, null])
    })

    it('the echo never shares objects with the input', () => {
      const billing = { country: 'IT', name: 'Firma' }
      const t = ok(run(cfg, { customer: { id: 'c-full', billing_information: billing }, products: [{ id: 'box' }] }))
      expect(t.customer_information.billing_information).not.toBe(billing)
    })
  })
})
