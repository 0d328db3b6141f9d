// Everything the shopper reads, in English (UK) and German. Issues from estimate() are shown by their
// `code` — never the code itself, never the library's English `message` — as a sentence about what
// the shopper did, with what the page knows (the coupon typed, the product, the country).
// `{amount}` in a sentence marks where the page puts a formatted amount.

/** The languages offered, with the locale used for amounts and dates and the product-title language. */
export const LOCALES = {
  'en-GB': { label: 'English (UK)', lang: 'en' },
  'de-DE': { label: 'Deutsch', lang: 'de' },
}

export const TEXT = {
  'en-GB': {
    shop: 'Kestrel & Co.',
    tagline: 'Homeware and books for bird lovers',
    language: 'Language',
    cart: 'Your basket',
    empty: 'Your basket is empty.',
    each: 'each',
    quantity: (name) => `Quantity of ${name}`,
    decrease: (name) => `One fewer ${name}`,
    increase: (name) => `One more ${name}`,
    remove: 'Remove',
    removeItem: (name) => `Remove ${name}`,
    notIncluded: 'Not included',
    addMore: 'Add to your basket',
    add: 'Add',
    addItem: (name) => `Add ${name} to your basket`,
    coupon: 'Discount code',
    apply: 'Apply',
    applied: 'Applied',
    notApplied: 'Not applied',
    removeCode: (code) => `Remove code ${code}`,
    delivery: 'Delivery',
    country: 'Deliver to',
    methodName: (id, label) => label,
    discountName: (code, label) => (code ? `Code ${code}` : label),
    method: 'Shipping method',
    digitalOnly: 'Digital items only: nothing to ship.',
    unavailableTo: (country) => `Not available to ${country}`,
    free: 'Free',
    summary: 'Order summary',
    subtotal: (n) => `Subtotal (${n} ${n === 1 ? 'item' : 'items'})`,
    shipping: 'Shipping',
    total: 'Total',
    totalNote: 'including VAT',
    vatIncluded: (rate) => `incl. ${rate} VAT`,
    vatAdded: (rate) => `VAT ${rate}`,
    noVat: 'No VAT: delivery outside the EU. Import duties may apply.',
    payLater: 'Pay in instalments',
    planName: (plan) => ({ 'pay-in-3': 'Pay in 3', 'pay-in-6': 'Pay in 6' })[plan.id] ?? `${plan.instalments} instalments`,
    planLine: (plan) => `${plan.instalments} ${CYCLE_EN[plan.cycle] ?? ''} payments of {amount}.`,
    interestFree: 'Interest-free.',
    interest: 'Interest {amount}.',
    upfrontToday: 'Today',
    planTotal: 'Plan total {amount}.',
    planTotalInterest: 'Plan total {amount}, interest included.',
    planDropped: 'That is {amount} less than your order total, because each instalment is rounded down to the cent.',
    planDroppedInterest:
      'That is {amount} less than your order total plus interest, because each instalment is rounded down to the cent.',
    schedule: (name) => `Payment schedule for ${name}`,
    due: 'Due',
    noPlans: 'Pay in instalments on orders of {amount} or more.',
    totalNow: 'Order total now {amount}',
    cannotPrice: 'This basket can’t be ordered as it is:',
  },
  'de-DE': {
    shop: 'Kestrel & Co.',
    tagline: 'Wohnaccessoires und Bücher für Vogelfreunde',
    language: 'Sprache',
    cart: 'Ihr Warenkorb',
    empty: 'Ihr Warenkorb ist leer.',
    each: 'pro Stück',
    quantity: (name) => `Menge von ${name}`,
    decrease: (name) => `${name}: eins weniger`,
    increase: (name) => `${name}: eins mehr`,
    remove: 'Entfernen',
    removeItem: (name) => `${name} entfernen`,
    notIncluded: 'Nicht enthalten',
    addMore: 'In den Warenkorb',
    add: 'Hinzufügen',
    addItem: (name) => `${name} hinzufügen`,
    coupon: 'Gutscheincode',
    apply: 'Einlösen',
    applied: 'Eingelöst',
    notApplied: 'Nicht eingelöst',
    removeCode: (code) => `Code ${code} entfernen`,
    delivery: 'Lieferung',
    country: 'Lieferland',
    methodName: (id, label) => ({ standard: 'Standardpaket', express: 'Express', tracked: 'Paket mit Sendungsverfolgung' })[id] ?? label,
    discountName: (code, label) => (code ? `Gutschein ${code}` : label),
    method: 'Versandart',
    digitalOnly: 'Nur digitale Artikel: kein Versand nötig.',
    unavailableTo: (country) => `Nicht verfügbar für ${country}`,
    free: 'Kostenlos',
    summary: 'Bestellübersicht',
    subtotal: (n) => `Zwischensumme (${n} ${n === 1 ? 'Artikel' : 'Artikel'})`,
    shipping: 'Versand',
    total: 'Gesamtsumme',
    totalNote: 'inkl. MwSt.',
    vatIncluded: (rate) => `inkl. ${rate} MwSt.`,
    vatAdded: (rate) => `zzgl. ${rate} MwSt.`,
    noVat: 'Keine Mehrwertsteuer: Lieferung außerhalb der EU. Es können Einfuhrabgaben anfallen.',
    payLater: 'Ratenzahlung',
    planName: (plan) => ({ 'pay-in-3': 'In 3 Raten', 'pay-in-6': 'In 6 Raten' })[plan.id] ?? `${plan.instalments} Raten`,
    planLine: (plan) => `${plan.instalments} ${CYCLE_DE[plan.cycle] ?? ''} Raten à {amount}.`,
    interestFree: 'Zinsfrei.',
    interest: 'Zinsen {amount}.',
    upfrontToday: 'Heute',
    planTotal: 'Ratenplan gesamt {amount}.',
    planTotalInterest: 'Ratenplan gesamt {amount}, inklusive Zinsen.',
    planDropped: 'Das sind {amount} weniger als Ihre Bestellsumme, weil jede Rate auf den Cent abgerundet wird.',
    planDroppedInterest:
      'Das sind {amount} weniger als Ihre Bestellsumme plus Zinsen, weil jede Rate auf den Cent abgerundet wird.',
    schedule: (name) => `Zahlungsplan für ${name}`,
    due: 'Fällig',
    noPlans: 'Ratenzahlung ist ab einem Bestellwert von {amount} möglich.',
    totalNow: 'Gesamtsumme jetzt {amount}',
    cannotPrice: 'Dieser Warenkorb kann so nicht bestellt werden:',
  },
}

const CYCLE_EN = { day: 'daily', week: 'weekly', month: 'monthly' }
const CYCLE_DE = { day: 'tägliche', week: 'wöchentliche', month: 'monatliche' }

/**
 * A sentence per issue code a shopper can cause (and the informational ones a shop shows). `c` holds
 * what the page knows about the subject: `code` (the coupon as typed), `product` (its title),
 * `country` (its name), `stock`, `min`, `max`, `method` (the shipping method asked for), `chosen`
 * (the one used instead), `currency`.
 */
export const ISSUES = {
  'en-GB': {
    unknown_coupon: (c) => `“${c.code}” isn’t a valid code. Please check the spelling.`,
    coupon_expired: (c) => `The code “${c.code}” has expired.`,
    coupon_not_started: (c) => `The code “${c.code}” can’t be used yet.`,
    coupon_min_subtotal: (c) => `“${c.code}” applies to orders of {amount} or more.`,
    coupon_currency: (c) => `“${c.code}” can’t be used when paying in ${c.currency}.`,
    coupon_not_combinable: (c) => `“${c.code}” can’t be combined with other codes.`,
    coupon_no_eligible_products: (c) => `“${c.code}” doesn’t apply to anything in your basket.`,
    coupon_duplicate: (c) => `You’ve already entered “${c.code}”.`,
    discounts_disabled: (c) => `Codes can’t be used on this order, so “${c.code}” wasn’t applied.`,
    payment_method_discount_skipped: (c) => `“${c.code}” depends on how you pay; it’s applied at checkout.`,
    payment_method_not_allowed: (c) => `“${c.code}” isn’t valid with the payment method you chose.`,
    shipping_method_unavailable: (c) =>
      c.chosen ? `${c.method} doesn’t deliver to ${c.country}, so we’ve chosen ${c.chosen}.` : `${c.method} doesn’t deliver to ${c.country}.`,
    no_shipping_method: (c) => `Sorry, we can’t deliver to ${c.country} at the moment.`,
    country_not_allowed: (c) => `${c.product} can’t be delivered to ${c.country}, so it isn’t included in your order.`,
    insufficient_stock: (c) => `Only ${c.stock} left in stock. Please reduce the quantity to order it.`,
    below_min_units: (c) => `${c.product} is sold in quantities of ${c.min} or more.`,
    above_max_units: (c) => `You can order up to ${c.max} of ${c.product}.`,
    not_buyable: (c) => `${c.product} can’t be ordered at the moment.`,
    not_released: (c) => `${c.product} isn’t available yet.`,
    expired: (c) => `${c.product} is no longer available.`,
    currency_not_supported: (c) => `${c.product} can’t be paid for in ${c.currency}.`,
    variant_required: (c) => `Please choose a size or colour of ${c.product}.`,
    pack_multiple_not_allowed: (c) => `${c.product} can be ordered only once per order.`,
    reverse_charge: () => 'No VAT is charged: as a VAT-registered business you account for it yourself (reverse charge).',
    tax_exempt: () => 'No taxes are charged on this order: your account is tax exempt.',
    customer_country_unknown: () => 'Please choose the country we deliver to.',
    no_products: () => 'None of the items in your basket can be ordered as it is.',
    too_many_lines: (c) => `Your basket can hold up to ${c.max} different items.`,
  },
  'de-DE': {
    unknown_coupon: (c) => `„${c.code}“ ist kein gültiger Code. Bitte prüfen Sie die Schreibweise.`,
    coupon_expired: (c) => `Der Code „${c.code}“ ist abgelaufen.`,
    coupon_not_started: (c) => `Der Code „${c.code}“ ist noch nicht gültig.`,
    coupon_min_subtotal: (c) => `„${c.code}“ gilt ab einem Bestellwert von {amount}.`,
    coupon_currency: (c) => `„${c.code}“ gilt nicht bei Zahlung in ${c.currency}.`,
    coupon_not_combinable: (c) => `„${c.code}“ kann nicht mit anderen Codes kombiniert werden.`,
    coupon_no_eligible_products: (c) => `„${c.code}“ gilt für keinen Artikel in Ihrem Warenkorb.`,
    coupon_duplicate: (c) => `Sie haben „${c.code}“ bereits eingegeben.`,
    discounts_disabled: (c) => `Für diese Bestellung können keine Codes eingelöst werden; „${c.code}“ wurde nicht angewendet.`,
    payment_method_discount_skipped: (c) => `„${c.code}“ hängt von der Zahlungsart ab und wird an der Kasse angewendet.`,
    payment_method_not_allowed: (c) => `„${c.code}“ gilt nicht für die gewählte Zahlungsart.`,
    shipping_method_unavailable: (c) =>
      c.chosen
        ? `${c.method} ist für das Lieferland ${c.country} nicht verfügbar; wir haben ${c.chosen} gewählt.`
        : `${c.method} ist für das Lieferland ${c.country} nicht verfügbar.`,
    no_shipping_method: (c) => `In das Lieferland ${c.country} können wir derzeit leider nicht liefern.`,
    country_not_allowed: (c) => `${c.product} kann nicht in das Lieferland ${c.country} geliefert werden und ist daher nicht in Ihrer Bestellung.`,
    insufficient_stock: (c) => `Nur noch ${c.stock} auf Lager. Bitte verringern Sie die Menge, um den Artikel zu bestellen.`,
    below_min_units: (c) => `${c.product} gibt es ab einer Menge von ${c.min} Stück.`,
    above_max_units: (c) => `Von ${c.product} können Sie höchstens ${c.max} Stück bestellen.`,
    not_buyable: (c) => `${c.product} kann derzeit nicht bestellt werden.`,
    not_released: (c) => `${c.product} ist noch nicht erhältlich.`,
    expired: (c) => `${c.product} ist nicht mehr erhältlich.`,
    currency_not_supported: (c) => `${c.product} kann nicht in ${c.currency} bezahlt werden.`,
    variant_required: (c) => `Bitte wählen Sie eine Größe oder Farbe von ${c.product}.`,
    pack_multiple_not_allowed: (c) => `${c.product} kann nur einmal pro Bestellung gekauft werden.`,
    reverse_charge: () => 'Es wird keine Mehrwertsteuer berechnet: Als Unternehmen mit USt-IdNr. führen Sie sie selbst ab (Reverse Charge).',
    tax_exempt: () => 'Für diese Bestellung werden keine Steuern berechnet: Ihr Kundenkonto ist steuerbefreit.',
    customer_country_unknown: () => 'Bitte wählen Sie das Lieferland.',
    no_products: () => 'Keiner der Artikel in Ihrem Warenkorb kann so bestellt werden.',
    too_many_lines: (c) => `Ihr Warenkorb kann höchstens ${c.max} verschiedene Artikel enthalten.`,
  },
}

/** For anything else (a problem the shopper did not cause): a polite sentence, never the code. */
export const FALLBACK = {
  'en-GB': 'Part of your basket couldn’t be checked. Please try again, or contact us if it keeps happening.',
  'de-DE': 'Ein Teil Ihres Warenkorbs konnte nicht geprüft werden. Bitte versuchen Sie es erneut oder kontaktieren Sie uns.',
}

/** The sentence for an issue, by its code. */
export function issueSentence(locale, code, context) {
  const f = ISSUES[locale]?.[code]
  return f ? f(context) : FALLBACK[locale]
}
