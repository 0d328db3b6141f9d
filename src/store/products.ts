import { isObject, LIMITS, type Obj, own, present, Reader } from '../input/read'
import { eachEntry } from './entries'
import { normalizeCountry } from '../1-places/countries'
import { joinPath } from '../issues/issues'
import type { NPack, NProduct, NVariant } from './model'

/** Reads a `pricing_model` array into a currency → minor units map. */
function readPrices(r: Reader, o: Obj, path: string, signed = false): Map<string, number> {
  const out = new Map<string, number>()
  eachEntry(r, o, 'pricing_model', path, 'a pricing_model entry', (e, p) => {
    const cur = r.currency(e, 'currency', p, true)
    const price = signed ? r.signedAmount(e, 'price', p) : r.amount(e, 'price', p, true)
    if (signed && !present(e, 'price')) r.add('required', joinPath(p, 'price'))
    if (cur !== undefined && price !== undefined && !out.has(cur)) out.set(cur, price)
  })
  return out
}

/** Stock from `stock`, else the sum of `stock_breakdown`; null when neither is given. */
function readStock(r: Reader, o: Obj, path: string): number | null {
  const s = r.amount(o, 'stock', path)
  if (s !== undefined) return s
  let sum = 0
  const bd = eachEntry(r, o, 'stock_breakdown', path, 'a warehouse stock entry', (e, p) => {
    sum += r.amount(e, 'stock', p, true) ?? 0
  })
  if (bd === undefined) return null
  if (!Number.isSafeInteger(sum)) {
    r.add('amount_overflow', joinPath(path, 'stock_breakdown'))
    return null
  }
  return sum
}

/** A field that Tamio may place at the top level or under `additional_information`. */
function topOrAdditional(r: Reader, o: Obj, key: string, path: string): string | null {
  const top = r.string(o, key, path)
  if (top !== undefined) return top
  const add = r.object(o, 'additional_information', path)
  if (add === undefined) return null
  return r.string(add, key, joinPath(path, 'additional_information')) ?? null
}

function dateField(r: Reader, o: Obj, key: string, path: string): number | null {
  const d = r.date(o, key, path)
  if (d !== undefined) return d
  const unix = r.date(o, `${key}_unix`, path)
  if (unix !== undefined) return unix
  const add = r.object(o, 'additional_information', path)
  if (add === undefined) return null
  return r.date(add, key, joinPath(path, 'additional_information')) ?? null
}

/** Whether the stock may go below zero: `unlimited_stock` or `allow_negative_stock` (read only when the first is not true). */
function unlimitedStock(r: Reader, o: Obj, path: string): boolean {
  return (r.boolean(o, 'unlimited_stock', path) ?? false) || (r.boolean(o, 'allow_negative_stock', path) ?? false)
}

interface MutableProduct extends NProduct {
  variants: NVariant[]
  packs: NPack[]
}

/**
 * Normalizes one Tamio product object (the Inventory API's shape). Returns the product with its variants and
 * packs linked back to it; ids are checked for uniqueness by the caller.
 */
export function readProduct(r: Reader, o: Obj, path: string): NProduct | undefined {
  const id = r.id(o, 'id', path, true)
  const name = r.string(o, 'name', path) ?? null
  const titles: [string, string][] = []
  const langs = r.map(o, 'languages', path)
  if (langs !== undefined) {
    for (const loc of langs.keys) {
      const l = langs.map[loc]
      if (isObject(l)) {
        const t = own(l, 'title')
        // A title can become the line's name in the output: as bounded as any other string.
        if (typeof t === 'string' && t.length > LIMITS.maxString) r.add('string_too_long', joinPath(joinPath(joinPath(path, 'languages'), loc), 'title'), { max: LIMITS.maxString })
        else if (typeof t === 'string' && t.length > 0) titles.push([loc.toLowerCase(), t])
      }
    }
  }
  const type = r.string(o, 'type', path) ?? 'physical_product'
  const category = r.string(o, 'tax_category', path) ?? r.string(o, 'classification', path) ?? 'general'
  const prices = readPrices(r, o, path)
  const topPrice = r.amount(o, 'price', path)
  const topCurrency = r.currency(o, 'currency', path)
  let defaultCurrency: string | null = null
  if (topCurrency !== undefined && topPrice !== undefined) {
    if (!prices.has(topCurrency)) prices.set(topCurrency, topPrice)
    defaultCurrency = topCurrency
  } else if (topCurrency !== undefined && prices.has(topCurrency)) {
    defaultCurrency = topCurrency
  } else {
    defaultCurrency = prices.keys().next().value ?? null
  }
  const taxCalc = own(o, 'tax_calculation')
  let inclusive: boolean | null = null
  if (taxCalc === 'inclusive') inclusive = true
  else if (taxCalc === 'exclusive') inclusive = false
  else if (taxCalc !== undefined && taxCalc !== null) r.add('invalid_option', joinPath(path, 'tax_calculation'), { detail: 'inclusive or exclusive' })
  const whitelist = r.stringList(o, 'whitelist', path, true)
  const unlimited = unlimitedStock(r, o, path)
  const variations = r.object(o, 'variations', path)
  const product: MutableProduct = {
    id: id ?? '',
    path,
    name: name !== null && name.length > 0 ? name : null,
    titles,
    type,
    shipped: type === 'physical_product',
    category,
    prices,
    defaultCurrency,
    inclusive,
    discountAllowed: r.boolean(o, 'discount_allowed', path) ?? true,
    isMoss: r.boolean(o, 'is_moss_product', path) ?? false,
    buyable: r.boolean(o, 'buyable', path) ?? true,
    whitelist: whitelist === null ? null : new Set(whitelist.map(normalizeCountry)),
    minUnits: r.amount(o, 'min_units', path) ?? null,
    maxUnits: r.amount(o, 'max_units', path) ?? null,
    stock: readStock(r, o, path),
    unlimited,
    weight: r.amount(o, 'weight', path) ?? 0,
    deltaPricing: variations !== undefined ? (r.boolean(variations, 'delta_pricing', joinPath(path, 'variations')) ?? false) : false,
    variants: [],
    packs: [],
    releaseAt: dateField(r, o, 'release_date', path),
    expiresAt: dateField(r, o, 'expiry_date', path),
    sku: topOrAdditional(r, o, 'sku', path),
    ean: topOrAdditional(r, o, 'ean', path),
    subscription: type === 'subscription',
    trialDays: r.amount(o, 'trial_days', path) ?? 0,
  }
  if (variations !== undefined) {
    eachEntry(r, variations, 'variants', joinPath(path, 'variations'), 'a variant object', (v, p) => {
      const vid = r.id(v, 'id', p, true)
      if (vid === undefined) return
      product.variants.push({
        id: vid,
        path: p,
        product,
        prices: readPrices(r, v, p, product.deltaPricing),
        stock: readStock(r, v, p),
        unlimited: unlimitedStock(r, v, p),
        weight: r.amount(v, 'weight', p) ?? null,
        sku: topOrAdditional(r, v, 'sku', p),
        ean: topOrAdditional(r, v, 'ean', p),
      })
    })
  }
  // Variants by id (the first of a duplicated id), so packs × their variants stays linear.
  const variantById = new Map<string, NVariant>()
  for (const v of product.variants) if (!variantById.has(v.id)) variantById.set(v.id, v)
  eachEntry(r, o, 'packs', path, 'a pack object', (k, p) => {
    const pid = r.id(k, 'id', p, true)
    const units = r.amount(k, 'stock', p, true)
    if (units === 0) r.add('invalid_value', joinPath(p, 'stock'), { detail: 'a pack holds at least one unit' })
    const entries: { variant: NVariant; units: number }[] = []
    const vlist = eachEntry(r, k, 'variants', p, 'a pack variant entry', (e, ep) => {
      const vid = r.id(e, 'id', ep, true)
      const n = r.amount(e, 'stock', ep, true)
      const variant = vid === undefined ? undefined : variantById.get(vid)
      if (vid !== undefined && variant === undefined) r.add('unknown_variant', joinPath(ep, 'id'), { id: vid })
      if (variant !== undefined && n !== undefined) entries.push({ variant, units: n })
    })
    // null when the pack lists no variants (it is made of the product itself).
    const items = vlist !== undefined && vlist.length > 0 ? entries : null
    const ownPrices = readPrices(r, k, p)
    if (pid === undefined || units === undefined || units === 0) return
    product.packs.push({
      id: pid,
      path: p,
      product,
      label: r.string(k, 'label', p) ?? null,
      units,
      multiple: r.boolean(k, 'multiple', p) ?? false,
      items,
      prices: ownPrices.size > 0 ? ownPrices : null,
    })
  })
  if (id === undefined) return undefined
  return product
}
