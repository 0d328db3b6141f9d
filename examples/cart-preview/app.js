// Cart preview, the developer's view: a small cart editor on tamio-pricing's ESM build
// (dist/index.js) that shows every field of estimate()'s response, issue codes and paths included.
// Every edit builds a Tamio estimate request and renders the response; nothing leaves the page.
// (For what a shopper should see, see ../shop-preview/.)
// Serve the repository root with any static file server and open /examples/cart-preview/
// (run `npm run build` first). `?at=2026-01-15T10:00:00Z` pins the clock (date rules, instalment
// due dates); by default it is the time the page was loaded.
import { createStore, estimate, formatAmount } from '../../dist/index.js'

/** Countries offered in the select; the demo store has VAT rates for the EU ones, none for CH. */
export const COUNTRIES = [
  ['DE', 'Germany'],
  ['AT', 'Austria'],
  ['FR', 'France'],
  ['SE', 'Sweden'],
  ['CH', 'Switzerland (export)'],
]

/** The cart the page opens with. */
export const INITIAL_STATE = {
  quantities: { mug: 2, 'field-guide': 1, print: 0, ebook: 0 },
  coupon: '',
  country: 'DE',
  shipping: '',
}

/**
 * The estimate request for a cart state — the page's whole contract with the library:
 * lines with quantity > 0 in catalog order, coupon codes split on commas/spaces, a guest customer
 * in the chosen country (ships where it bills), and the chosen shipping method if any.
 */
export function buildRequest(catalog, state) {
  const request = {
    products: catalog
      .filter((p) => (state.quantities[p.id] ?? 0) > 0)
      .map((p) => ({ id: p.id, quantity: state.quantities[p.id] })),
    new_customer: { name: 'Preview', email: 'preview@example.com', country: state.country, same_shipping_address: true },
  }
  const coupons = state.coupon.split(/[\s,]+/).filter(Boolean)
  if (coupons.length) request.coupons = coupons
  if (state.shipping) request.shipping = { tamio: state.shipping }
  return request
}

// ---- page ------------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id)
const el = (tag, { dataset = {}, ...props } = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props)
  for (const [k, v] of Object.entries(dataset)) node.dataset[k] = String(v)
  node.append(...children.filter((c) => c != null))
  return node
}

async function main() {
  const params = new URLSearchParams(location.search)
  const at = params.get('at') ?? new Date().toISOString()
  const config = await (await fetch('./store.json')).json()
  const store = createStore(config)
  const catalog = config.products
  const state = structuredClone(INITIAL_STATE)
  let revision = 0

  const money = (amount, currency) => {
    amount = amount || 0 // no "-€0.00"
    return el('span', { className: 'amount', textContent: formatAmount(amount, currency, 'en-IE'), dataset: { amount } })
  }

  // Controls.
  for (const p of catalog) {
    const qty = el('input', { type: 'number', min: '0', step: '1', value: String(state.quantities[p.id] ?? 0), dataset: { testid: `qty-${p.id}` } })
    qty.setAttribute('aria-label', `Quantity of ${p.name}`)
    qty.addEventListener('input', () => {
      const n = Number(qty.value)
      state.quantities[p.id] = Number.isInteger(n) && n > 0 ? n : 0
      render()
    })
    $('catalog').append(el('tr', {}, el('td', { textContent: p.name }), el('td', { className: 'num' }, money(p.price, p.currency)), el('td', { className: 'num' }, qty)))
  }
  for (const [code, name] of COUNTRIES) $('country').append(el('option', { value: code, textContent: name }))
  $('country').value = state.country
  $('country').addEventListener('change', () => ((state.country = $('country').value), render()))
  $('coupon').addEventListener('input', () => ((state.coupon = $('coupon').value), render()))
  $('shipping').addEventListener('change', () => ((state.shipping = $('shipping').value), render()))

  function renderShippingSelect(transaction) {
    const available = new Map((transaction?.shipping.shipping_rates ?? []).map((m) => [m.id, m]))
    const select = $('shipping')
    select.replaceChildren(el('option', { value: '', textContent: 'Default (first available)' }))
    for (const m of config.shipping_methods ?? []) {
      const offer = available.get(m.id)
      const label = offer ? `${m.label} — ${money(offer.cost, transaction.currency).textContent}` : `${m.label} (not available)`
      select.append(el('option', { value: m.id, textContent: label, disabled: !offer }))
    }
    select.value = state.shipping
  }

  function render() {
    const request = buildRequest(catalog, state)
    const response = estimate(store, request, { at })
    revision += 1
    window.cartPreview = { request, response, at, revision }

    const messages = [
      ...(response.errors ?? []).map((i) => ['error', i]),
      ...response.warnings.map((i) => ['warning', i]),
    ]
    $('messages').replaceChildren(
      ...messages.map(([kind, i]) => el('li', { className: kind, textContent: `${i.code} (${i.path}): ${i.message}`, dataset: { code: i.code } })),
    )
    const status = $('status')
    status.dataset.revision = String(revision)
    if (response.status !== 200) {
      status.textContent = 'The API would reject this cart (400).'
      status.className = 'error'
      $('result').hidden = true
      renderShippingSelect(null)
      return
    }
    const t = response.transaction
    const c = t.currency
    status.textContent = `${t.totals.item_count} item(s), ${c}, estimated at ${at}`
    status.className = ''
    $('result').hidden = false
    renderShippingSelect(t)

    $('lines').replaceChildren(
      ...t.products.map((p) =>
        el(
          'tr',
          { dataset: { testid: 'line', id: p.id ?? '' } },
          el('td', { textContent: p.name }),
          el('td', { className: 'num', textContent: String(p.quantity) }),
          el('td', { className: 'num' }, money(p.totals.unit_price, c)),
          el('td', { className: 'num' }, money(-p.totals.discount, c)),
          el('td', { className: 'num' }, money(p.totals.tax, c)),
          el('td', { className: 'num' }, money(p.totals.shipping_total, c)),
          el('td', { className: 'num' }, money(p.totals.total, c)),
        ),
      ),
    )

    const rates = [...t.taxes.tax_rates, ...t.taxes.shipping_tax_rates]
    $('taxes').replaceChildren(
      ...(rates.length
        ? rates.map((r) => el('li', {}, `${r.label} (${r.jurisdiction}${r.rate_percent != null ? ` ${r.rate_percent}%` : ''}) on `, money(r.taxable_amount, c), ': ', money(r.tax, c)))
        : [el('li', { textContent: 'No tax applies.' })]),
    )

    const m = t.shipping.shipping_method
    $('shipping-info').replaceChildren(
      ...(m
        ? [`${m.label}: `, money(m.cost, c), t.totals.shipping_discount ? ' (discounted)' : '', ` — ${t.shipping.item_count} shipped item(s)`]
        : [t.shipping.has_shipping ? 'No shipping method available.' : 'Nothing to ship.']),
    )

    $('discounts').replaceChildren(
      ...(t.discounts.length
        ? t.discounts.map((d) =>
            el('li', { dataset: { testid: 'discount', code: d.code ?? '' } }, `${d.code ? d.code + ' — ' : ''}${d.label}: `, money(-(d.amount + d.shipping_amount), c)),
          )
        : [el('li', { textContent: 'None.' })]),
    )

    const rows = [
      ['item_total', 'Items'],
      ['discount', 'Discounts'],
      ['tax', 'Tax'],
      ['shipping_subtotal', 'Shipping'],
      ['shipping_discount', 'Shipping discount'],
      ['shipping_tax', 'Shipping tax'],
      ['total', 'Total'],
    ]
    $('totals').replaceChildren(
      ...rows.flatMap(([key, label]) => {
        const sign = key === 'discount' || key === 'shipping_discount' ? -1 : 1
        const dd = el('dd', { dataset: { testid: `total-${key}` } }, money(sign * t.totals[key], c))
        dd.dataset.value = String(t.totals[key])
        const dt = el('dt', { textContent: label })
        if (key === 'total') (dt.className = 'grand'), (dd.className = 'grand')
        return [dt, dd]
      }),
    )

    $('instalments').replaceChildren(
      ...(t.instalments.length
        ? t.instalments.map((plan) =>
            el(
              'div',
              { className: 'plan', dataset: { testid: 'plan', id: plan.id } },
              el('p', {}, el('strong', { textContent: plan.id }), `: ${plan.instalments} × every ${plan.interval} ${plan.cycle}, upfront ${plan.upfront}% — total `, money(plan.total_amount, c), ' incl. interest ', money(plan.interest, c)),
              el(
                'table',
                {},
                el('tbody', {}, ...plan.schedule.map((s) => el('tr', { dataset: { testid: 'due' } }, el('td', { textContent: s.due.slice(0, 10) }), el('td', { className: 'num' }, money(s.amount, c))))),
              ),
            ),
          )
        : [el('p', { textContent: 'No instalment plan for this cart.' })]),
    )
  }

  render()
}

main().catch((err) => {
  const status = $('status')
  status.textContent = `Failed to start: ${err?.message ?? err}`
  status.className = 'error'
  window.cartPreview = { error: String(err?.stack ?? err) }
  throw err
})
