/**
 * An nShift carrier quote in the request (`shipping.nshift` with `valid: true`): it replaces the
 * store's methods. Its cost is the quote's price plus its add-ons (minor units of the transaction
 * currency), taxed at its `taxRate` percent, exclusive.
 */
import type { NNshift } from '../0-estimate/request'
import type { NRate } from '../store/model'
import type { Recorder } from '../trace/recorder'
import type { OutputShippingMethod } from '../types/output'

/** The method an nShift quote stands for, recorded at `shipping.shipping_method.cost`. */
export function nshiftMethod(q: NNshift, currency: string, rec?: Recorder): OutputShippingMethod {
  if (rec !== undefined) {
    const terms: (readonly [string, 1])[] = [['$shipping.nshift.price', 1]]
    rec.given('$shipping.nshift.price', q.price, 'request.shipping.nshift.price')
    q.addons.forEach((a, i) => {
      rec.given(`$shipping.nshift.addons[${i}]`, a, `request.shipping.nshift.selectedAddons[${i}].price`)
      terms.push([`$shipping.nshift.addons[${i}]`, 1])
    })
    rec.sum('shipping.shipping_method.cost', q.cost, terms)
  }
  return { id: 'nshift', label: 'nShift', bundling: false, type: 'nshift', cost: q.cost, convert_from: currency, exchange_rate: 1 }
}

/** The quote's rate for a line's jurisdiction (labelled like every shipping tax), or null when the quote gives none. */
export function nshiftRate(q: NNshift, label: string, country: string): NRate | null {
  if (q.rate === null) return null
  return { index: -1, path: null, id: null, label, jurisdiction: country, category: 'shipping', percent: q.rate, percentNumber: q.rateNumber, amount: null, vat: true, compound: false }
}
