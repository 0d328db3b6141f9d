import fc from 'fast-check'
import { describe, it } from 'vitest'
import { iso } from '../../src/9-instalments/instalments'

describe('properties', () => {
  it('due dates are formatted exactly as Date#toISOString for years 0–9999', () => {
    const lo = new Date(0)
    lo.setUTCFullYear(0, 0, 1)
    const hi = Date.UTC(9999, 11, 31, 23, 59, 59, 999)
    fc.assert(
      fc.property(fc.integer({ min: lo.getTime(), max: hi }), (ms) => iso(ms) === new Date(ms).toISOString()),
      { numRuns: 20000 },
    )
  })
})
