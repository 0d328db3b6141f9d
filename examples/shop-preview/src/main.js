// A shop's basket with a live price preview: every edit builds a Tamio estimate request and renders
// what estimate() returns — totals, the VAT contained in them, shipping, discounts, instalments —
// computed in the page, no round trip. Amounts are formatted with formatAmount in the shopper's
// locale; issues are shown as sentences for the shopper, chosen by their code.
import { createStore, estimate, formatAmount } from 'tamio-pricing'
import config from '../store.json'
import { LOCALES, TEXT, issueSentence } from './i18n.js'
import './style.css'

/** Countries the shop offers in its country select (CH: no delivery, no EU VAT). */
const COUNTRIES = ['DE', 'AT', 'FR', 'NL', 'CH']
const EU = new Set(['DE', 'AT', 'FR', 'NL'])
const CURRENCY = config.account.base_currency
const MAX_QUANTITY = 99

const params = new URLSearchParams(location.search)
/** `?at=2026-03-02T09:30:00Z` pins the clock (coupon dates, instalment due dates); else it is now. */
const at = params.get('at') ?? undefined
let locale = LOCALES[params.get('lang')] ? params.get('lang') : navigator.language?.toLowerCase().startsWith('de') ? 'de-DE' : 'en-GB'

const store = createStore(config)
const catalog = new Map(config.products.map((p) => [p.id, p]))

/** What the shopper has chosen; the request is a function of it (buildRequest). */
const state = {
  lines: [
    { id: 'mug', quantity: 2 },
    { id: 'field-guide', quantity: 1 },
  ],
  coupons: [],
  country: 'DE',
  shipping: null,
}

/**
 * The estimate request for a basket — the page's whole contract with the library: the lines in
 * basket order, the codes as entered, a guest delivered to the chosen country, the chosen
 * shipping method if the shopper picked one (else the shop's default applies).
 */
function buildRequest(s) {
  const request = {
    products: s.lines.map((l) => ({ id: l.id, quantity: l.quantity })),
    new_customer: { name: 'Guest', email: 'guest@example.com', country: s.country, same_shipping_address: true },
  }
  if (s.coupons.length > 0) request.coupons = [...s.coupons]
  if (s.shipping) request.shipping = { tamio: s.shipping }
  return request
}

// ---- helpers ------------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id)

/** `h('p', { class: 'x', onclick }, 'text', child)` */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v)
    else if (k === 'class') el.className = v
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false))
  return el
}

const t = () => TEXT[locale]
const lang = () => LOCALES[locale].lang
const title = (id) => catalog.get(id)?.languages?.[lang()]?.title ?? catalog.get(id)?.name ?? id
const countryName = (code) => new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
const percent = (p) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(p / 100)
const date = (iso) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso))

/** An amount in minor units, for people: the one place amounts are written (data-slot names it). */
function money(amount, slot) {
  return h('span', { class: 'amount', 'data-slot': slot }, formatAmount(amount, CURRENCY, locale))
}
/** A cost that may be 0: "Free" instead of "€0.00". */
function cost(amount, slot) {
  return amount === 0 ? h('span', { class: 'amount free', 'data-slot': slot, 'data-free': '' }, t().free) : money(amount, slot)
}
/** A sentence with `{amount}` replaced by an amount element. */
function sentence(text, amount) {
  const [before, after] = text.split('{amount}')
  return after === undefined ? [before] : [before, amount, after]
}

/** What the page knows about an issue's subject, for its sentence. */
function context(issue, transaction) {
  const m = /^(products|coupons)\[(\d+)\]/.exec(issue.path)
  const index = m ? Number(m[2]) : -1
  const c = { country: countryName(state.country), currency: CURRENCY, max: config.account.max_lines ?? 20 }
  if (m?.[1] === 'coupons') {
    c.code = state.coupons[index]
    const coupon = config.coupons.find((x) => x.code.toLowerCase() === String(c.code).toLowerCase())
    c.minAmount = coupon?.min_subtotal?.[CURRENCY]
  }
  if (m?.[1] === 'products') {
    const line = state.lines[index]
    const p = catalog.get(line?.id)
    Object.assign(c, { product: title(line?.id), stock: p?.stock, min: p?.min_units, max: p?.max_units })
  }
  if (issue.path.startsWith('shipping')) {
    const asked = config.shipping_methods.find((x) => x.id === state.shipping)
    const used = transaction?.shipping.shipping_method
    c.method = asked ? t().methodName(asked.id, asked.label) : state.shipping
    c.chosen = used ? t().methodName(used.id, used.label) : null
  }
  return c
}

/** An issue as a paragraph for the shopper (data-issue carries the code for tests, never shown). */
function issueNote(issue, transaction, kind = 'warning') {
  const c = context(issue, transaction)
  const text = issueSentence(locale, issue.code, c)
  return h('p', { class: `note ${kind}`, 'data-issue': issue.code }, ...sentence(text, c.minAmount !== undefined ? money(c.minAmount, 'coupon-min') : null))
}

// ---- rendering ----------------------------------------------------------------------------------

let revision = 0

function render() {
  // Keep keyboard focus (and the caret) on the same control across the re-render.
  const focused = document.activeElement?.dataset?.key
  const caret = document.activeElement?.selectionStart ?? null

  const request = state.lines.length > 0 ? buildRequest(state) : null
  const response = request ? estimate(store, request, at ? { at } : {}) : null
  const transaction = response?.status === 200 ? response.transaction : null
  const issues = [...(response?.errors ?? []).map((i) => [i, 'error']), ...(response?.warnings ?? []).map((i) => [i, 'warning'])]
  const about = (re) => issues.filter(([i]) => re.test(i.path))

  document.documentElement.lang = locale
  document.title = `${t().cart} — ${t().shop}`
  $('shop-name').textContent = t().shop
  $('tagline').textContent = t().tagline
  $('language-label').textContent = t().language
  renderCart(transaction, about)
  renderCoupons(transaction, about)
  renderDelivery(transaction, about)
  renderSummary(response, transaction, issues)

  revision += 1
  document.body.dataset.revision = String(revision)
  window.shopPreview = { request, response, revision }
  const again = focused ? document.querySelector(`[data-key="${CSS.escape(focused)}"]`) : null
  if (again) {
    again.focus()
    if (caret !== null && 'setSelectionRange' in again && again.type === 'text') again.setSelectionRange(caret, caret)
  }
}

function renderCart(transaction, about) {
  const lines = new Map((transaction?.products ?? []).map((p) => [p.id, p]))
  $('cart-title').textContent = t().cart
  $('cart').replaceChildren(
    ...(state.lines.length === 0
      ? [h('li', { class: 'empty' }, t().empty)]
      : state.lines.map((l, i) => {
          const name = title(l.id)
          const line = lines.get(l.id)
          const setQuantity = (q) => {
            l.quantity = Math.min(MAX_QUANTITY, Math.max(1, q))
            render()
          }
          const input = h('input', {
            type: 'number', inputmode: 'numeric', min: 1, max: MAX_QUANTITY, step: 1, value: l.quantity,
            'aria-label': t().quantity(name), 'data-key': `qty-${l.id}`, 'data-testid': `qty-${l.id}`,
            oninput: (e) => {
              const q = Number(e.target.value)
              if (Number.isInteger(q) && q >= 1 && q <= MAX_QUANTITY) setQuantity(q)
            },
            onchange: (e) => {
              if (Number(e.target.value) !== l.quantity) e.target.value = String(l.quantity)
            },
          })
          return h(
            'li',
            { class: `line${line ? '' : ' rejected'}`, 'data-line': l.id },
            h('div', { class: 'line-main' },
              h('span', { class: 'line-name' }, name),
              h('span', { class: 'line-unit' }, line ? money(line.totals.unit_price, `line:${l.id}:unit`) : money(catalog.get(l.id).price, `catalog:${l.id}`), ` ${t().each}`),
            ),
            h('div', { class: 'stepper' },
              h('button', { type: 'button', 'aria-label': t().decrease(name), 'data-key': `dec-${l.id}`, disabled: l.quantity <= 1, onclick: () => setQuantity(l.quantity - 1) }, '−'),
              input,
              h('button', { type: 'button', 'aria-label': t().increase(name), 'data-key': `inc-${l.id}`, 'data-testid': `inc-${l.id}`, disabled: l.quantity >= MAX_QUANTITY, onclick: () => setQuantity(l.quantity + 1) }, '+'),
            ),
            h('div', { class: 'line-total' }, line ? money(line.totals.item_total, `line:${l.id}:total`) : h('span', { class: 'muted' }, t().notIncluded)),
            h('button', {
              type: 'button', class: 'link', 'aria-label': t().removeItem(name), 'data-key': `remove-${l.id}`,
              onclick: () => {
                state.lines.splice(i, 1)
                render()
              },
            }, t().remove),
            ...about(new RegExp(`^products\\[${i}\\]`)).map(([issue, kind]) => issueNote(issue, transaction, kind)),
          )
        })),
  )
  const more = config.products.filter((p) => !state.lines.some((l) => l.id === p.id))
  $('more-title').textContent = t().addMore
  $('more').hidden = more.length === 0
  $('more-list').replaceChildren(
    ...more.map((p) =>
      h('li', { class: 'more-item' },
        h('span', { class: 'line-name' }, title(p.id)),
        money(p.price, `catalog:${p.id}`),
        h('button', {
          type: 'button', class: 'secondary', 'aria-label': t().addItem(title(p.id)), 'data-key': `add-${p.id}`, 'data-testid': `add-${p.id}`,
          onclick: () => {
            state.lines.push({ id: p.id, quantity: 1 })
            render()
          },
        }, t().add),
      ),
    ),
  )
}

function renderCoupons(transaction, about) {
  $('coupon-label').textContent = t().coupon
  $('coupon-apply').textContent = t().apply
  $('coupons').replaceChildren(
    ...state.coupons.map((code, i) => {
      const notes = about(new RegExp(`^coupons\\[${i}\\]`))
      const ok = transaction !== null && notes.length === 0
      return h('li', { class: `coupon ${ok ? 'ok' : 'rejected'}` },
        h('span', { class: 'chip' },
          h('span', { class: 'code' }, code),
          h('span', { class: 'status' }, ok ? t().applied : t().notApplied),
          h('button', {
            type: 'button', class: 'link', 'aria-label': t().removeCode(code), 'data-key': `uncode-${i}`,
            onclick: () => {
              state.coupons.splice(i, 1)
              render()
            },
          }, '×'),
        ),
        ...notes.map(([issue, kind]) => issueNote(issue, transaction, kind)),
      )
    }),
  )
}

function renderDelivery(transaction, about) {
  $('delivery-title').textContent = t().delivery
  $('country-label').textContent = t().country
  const select = $('country')
  select.replaceChildren(...COUNTRIES.map((c) => h('option', { value: c }, countryName(c))))
  select.value = state.country
  $('method-legend').textContent = t().method
  const shipping = transaction?.shipping
  const offered = new Map((shipping?.shipping_rates ?? []).map((m) => [m.id, m]))
  const nothingToShip = transaction !== null && !shipping.has_shipping
  $('methods').hidden = nothingToShip
  $('methods-list').replaceChildren(
    ...config.shipping_methods.map((m) => {
      const offer = offered.get(m.id)
      const id = `method-${m.id}`
      return h('li', { class: `method${offer ? '' : ' unavailable'}` },
        h('input', {
          type: 'radio', name: 'shipping', id, value: m.id, 'data-key': id, 'data-testid': id,
          disabled: !offer, checked: shipping?.shipping_method?.id === m.id,
          onchange: () => {
            state.shipping = m.id
            render()
          },
        }),
        h('label', { for: id },
          h('span', { class: 'method-name' }, t().methodName(m.id, m.label)),
          offer ? cost(offer.cost, `method:${m.id}`) : h('span', { class: 'muted' }, t().unavailableTo(countryName(state.country))),
        ),
      )
    }),
  )
  $('delivery-notes').replaceChildren(
    ...(nothingToShip ? [h('p', { class: 'note info' }, t().digitalOnly)] : []),
    ...about(/^shipping/).map(([issue, kind]) => issueNote(issue, transaction, kind)),
  )
}

/** The VAT of the order per rate, items and shipping together (what a European receipt lists). */
function vatGroups(transaction) {
  const groups = new Map()
  for (const r of [...transaction.taxes.tax_rates, ...transaction.taxes.shipping_tax_rates]) {
    const key = `${r.rate_percent ?? r.label}|${r.inclusive ? 'incl' : 'excl'}`
    const g = groups.get(key) ?? { key, rate: r.rate_percent, label: r.label, inclusive: r.inclusive, tax: 0 }
    g.tax += r.tax
    groups.set(key, g)
  }
  return [...groups.values()].filter((g) => g.tax > 0).sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0))
}

function renderSummary(response, transaction, issues) {
  $('summary-title').textContent = t().summary
  const rows = []
  const row = (label, amount, cls = '') => h('div', { class: `row ${cls}` }, h('dt', {}, label), h('dd', {}, amount))
  const general = issues.filter(([i]) => !/^(products|coupons|shipping)/.test(i.path))
  const notes = general.map(([issue, kind]) => issueNote(issue, transaction, kind))
  if (response === null) {
    $('summary').replaceChildren(h('p', { class: 'muted' }, t().empty))
    $('announce').textContent = ''
    $('sticky-total').hidden = true
    $('sticky-total').replaceChildren()
    $('plans').replaceChildren()
    return
  }
  if (transaction === null) {
    $('summary').replaceChildren(h('p', { class: 'note error' }, t().cannotPrice), ...notes)
    $('announce').textContent = t().cannotPrice
    $('sticky-total').hidden = true
    $('sticky-total').replaceChildren()
    $('plans').replaceChildren()
    return
  }
  const totals = transaction.totals
  rows.push(row(t().subtotal(totals.item_count), money(totals.item_total, 'subtotal')))
  transaction.discounts.forEach((d, i) => rows.push(row(t().discountName(d.code, d.label), money(-(d.amount + d.shipping_amount), `discount:${i}`), 'discount')))
  const method = transaction.shipping.shipping_method
  if (transaction.shipping.has_shipping && method) rows.push(row(`${t().shipping} · ${t().methodName(method.id, method.label)}`, cost(totals.shipping_subtotal, 'shipping')))
  const vat = vatGroups(transaction)
  for (const g of vat.filter((x) => !x.inclusive)) rows.push(row(t().vatAdded(g.rate === null ? g.label : percent(g.rate)), money(g.tax, `vat:${g.key}`)))
  rows.push(row(h('span', {}, t().total, vat.some((g) => g.inclusive) ? h('small', {}, t().totalNote) : null), money(totals.total, 'total'), 'grand'))
  for (const g of vat.filter((x) => x.inclusive)) rows.push(row(t().vatIncluded(g.rate === null ? g.label : percent(g.rate)), money(g.tax, `vat:${g.key}`), 'vat'))
  $('summary').replaceChildren(
    ...notes,
    h('dl', { class: 'totals' }, ...rows),
    ...(vat.length === 0 && !EU.has(state.country) ? [h('p', { class: 'note info' }, t().noVat)] : []),
  )
  $('announce').replaceChildren(...sentence(t().totalNow, money(totals.total, 'total')))
  $('sticky-total').hidden = false
  $('sticky-total').replaceChildren(h('span', {}, t().total), money(totals.total, 'total'))
  renderPlans(transaction)
}

function renderPlans(transaction) {
  const total = transaction.totals.total
  const plans = transaction.instalments
  const mins = config.instalment_plans.map((p) => p.min_total?.[CURRENCY]).filter((x) => typeof x === 'number')
  $('plans').replaceChildren(
    h('h2', { id: 'plans-title' }, t().payLater),
    ...(plans.length === 0
      ? [h('p', { class: 'muted' }, ...(mins.length > 0 ? sentence(t().noPlans, money(Math.min(...mins), 'plan-min')) : []))]
      : plans.map((plan) => {
          const name = t().planName(plan)
          const dropped = total + plan.interest - plan.total_amount
          const slot = (s) => `plan:${plan.id}:${s}`
          return h('section', { class: 'plan', 'aria-label': name, 'data-plan': plan.id },
            h('h3', {}, name),
            h('p', {}, ...sentence(t().planLine(plan), money(plan.instalments_amount, slot('instalment'))), ' ',
              ...(plan.interest > 0 ? sentence(t().interest, money(plan.interest, slot('interest'))) : [t().interestFree])),
            h('table', { class: 'schedule' },
              h('caption', { class: 'visually-hidden' }, t().schedule(name)),
              h('tbody', {},
                ...plan.schedule.flatMap((s, k) =>
                  k === 0 && s.amount === 0 ? [] : [h('tr', {}, h('th', { scope: 'row' }, k === 0 ? t().upfrontToday : date(s.due)), h('td', {}, money(s.amount, slot(`due:${k}`))))],
                ),
              ),
            ),
            h('p', {}, ...sentence(plan.interest > 0 ? t().planTotalInterest : t().planTotal, money(plan.total_amount, slot('total'))),
              ...(dropped > 0 ? [' ', ...sentence(plan.interest > 0 ? t().planDroppedInterest : t().planDropped, money(dropped, slot('dropped')))] : [])),
          )
        })),
  )
}

// ---- controls that stay in place ----------------------------------------------------------------

function setup() {
  const language = $('language')
  language.replaceChildren(...Object.entries(LOCALES).map(([code, l]) => h('option', { value: code, lang: l.lang }, l.label)))
  language.value = locale
  language.addEventListener('change', () => {
    locale = language.value
    render()
  })
  $('country').addEventListener('change', (e) => {
    state.country = e.target.value
    render()
  })
  $('coupon-form').addEventListener('submit', (e) => {
    e.preventDefault()
    const input = $('coupon-input')
    const code = input.value.trim()
    if (code !== '') state.coupons.push(code)
    input.value = ''
    render()
  })
  render()
}

setup()
