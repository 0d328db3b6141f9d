/**
 * Named presets: bundles of policy values that reproduce another system's numbers. A preset sets
 * only the axes that system documents (its docs, its source code, tax-authority guidance); every
 * other axis keeps its default. The sources for each value are listed in `docs/presets.md`.
 */
import type { PolicyNames } from './axes'

/** Every preset by name. @example `PRESETS.magento.tax_rounding // 'total'` */
export const PRESETS = {
  /** The Tamio API itself: every default. */
  tamio: {},
  commercetools: { rounding: 'half_even', tax_rounding: 'line', inclusive_rounding: 'net', tax_base: 'after_discount' },
  shopify: { tax_rounding: 'line', shipping_tax: 'proportional', inclusive_cross_border: 'keep_net' },
  stripe: { rounding: 'half_up', tax_rounding: 'line' },
  vendure: {
    rounding: 'half_up',
    tax_rounding: 'line',
    shipping_tax: 'none',
    inclusive_rounding: 'net',
    inclusive_cross_border: 'keep_net',
    allocation: 'largest_remainder',
    discount_proration: 'gross',
    tax_base: 'after_discount',
  },
  saleor: { rounding: 'half_up', tax_rounding: 'line', inclusive_rounding: 'net', discount_proration: 'base', tax_base: 'after_discount' },
  magento: {
    rounding: 'half_up',
    tax_rounding: 'total',
    shipping_tax: 'none',
    inclusive_rounding: 'tax',
    inclusive_cross_border: 'keep_net',
    allocation: 'carry',
    discount_proration: 'net',
    tax_base: 'after_discount',
  },
  woocommerce: { rounding: 'half_up', tax_rounding: 'line', inclusive_rounding: 'net', inclusive_cross_border: 'keep_net', discount_proration: 'base', tax_base: 'after_discount' },
  // HMRC's guidance does not say whether the VAT or the net of a VAT-inclusive price is rounded: inclusive_rounding keeps the default.
  hmrc: { rounding: 'half_up', tax_rounding: 'line', shipping_tax: 'proportional', tax_base: 'after_discount' },
} as const satisfies Readonly<Record<string, PolicyNames>>

/** The name of a preset. @example `const p: PresetName = 'magento'` */
export type PresetName = keyof typeof PRESETS
