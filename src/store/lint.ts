/**
 * Store warnings about values that are valid but probably not what was meant: an unknown product
 * `type`, and a percentage written as a fraction (`rate_percent: 0.19` is 0.19 %, not 19 %). They
 * never stop `createStore`; they end up on `store.warnings`. The raw config is read by own keys
 * only; malformed values are left to the readers, which report them.
 */
import { isObject, own, type Obj, type Reader } from '../input/read'
import { names, suggest } from '../input/known'
import { joinPath } from '../issues/issues'
import { MoneyError } from '../money/errors'
import { parseDecimal } from '../money/rational'

/** The product types Tamio documents (`physical_product` is shipped; the others are not). */
export const PRODUCT_TYPES = names('physical_product digital_product service subscription', 'physical:physical_product digital:digital_product')
const PRODUCT_TYPE_SET: ReadonlySet<string> = new Set(PRODUCT_TYPES.list)

function each(cfg: Obj, key: string, f: (o: Obj, path: string) => void): void {
  const list = own(cfg, key)
  if (!Array.isArray(list)) return
  for (let i = 0; i < list.length; i++) {
    const o: unknown = list[i]
    if (isObject(o)) f(o, joinPath(key, i))
  }
}

/** Whether a raw percentage is strictly between 0 and 1 (`0.19`, `"0.5"`); anything unreadable is not. */
function belowOne(v: unknown): boolean {
  if (typeof v !== 'string' && typeof v !== 'number') return false
  try {
    const q = parseDecimal(v)
    return q.num > 0 && q.num < q.den
  } catch (e) {
    if (e instanceof MoneyError) return false
    throw e
  }
}

function percent(r: Reader, o: Obj, key: string, path: string): void {
  const v = own(o, key)
  if (belowOne(v)) r.warn('percent_below_one', joinPath(path, key), { value: String(v).trim() })
}

/**
 * Records the value warnings of a raw store config on `r.warnings`:
 * - `unknown_value` for a product `type` other than the four Tamio documents (it is priced as a
 *   product that is not shipped), with the close known type as its suggestion;
 * - `percent_below_one` for a percentage between 0 and 1 exclusive: a country-level tax rate's
 *   `rate_percent` (regional rates such as `US-CA-LA` below 1 % are common, so they are not
 *   flagged), a `percent` or `shipping` discount's `value`, a buy-X-get-Y discount's `get.value`,
 *   and a plan's `upfront_percent` (not `interest_percent`: a small interest is plausible).
 */
export function lintStore(r: Reader, cfg: Obj): void {
  each(cfg, 'products', (o, p) => {
    const t = own(o, 'type')
    if (typeof t !== 'string' || PRODUCT_TYPE_SET.has(t)) return
    const suggestion = suggest(t, PRODUCT_TYPES)
    r.warn('unknown_value', joinPath(p, 'type'), {
      what: 'product type',
      value: t,
      detail: `priced as a product that is not shipped; known: ${PRODUCT_TYPES.list.join(', ')}`,
      suggestion,
    })
  })
  each(cfg, 'tax_rates', (o, p) => {
    const j = own(o, 'jurisdiction')
    if (typeof j === 'string' && j.trim().length === 2) percent(r, o, 'rate_percent', p)
  })
  for (const key of ['coupons', 'discounts']) {
    each(cfg, key, (o, p) => {
      const type = own(o, 'type')
      if (type === 'percent' || type === 'shipping') percent(r, o, 'value', p)
      const get = own(o, 'get')
      if (type === 'buy_x_get_y' && isObject(get)) percent(r, get, 'value', joinPath(p, 'get'))
    })
  }
  each(cfg, 'instalment_plans', (o, p) => percent(r, o, 'upfront_percent', p))
}
