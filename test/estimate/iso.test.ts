import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { iso } from '../../src/9-instalments/instalments'

describe('examples', () => {
  it('pads every field and switches to Date below the year 1000 with the same text', () => {
    expect(iso(Date.UTC(2026, 0, 2, 3, 4, 5, 6))).toBe('2026-01-02T03:04:05.006Z')
    expect(iso(Date.UTC(2026, 11, 31, 23, 59, 59, 45))).toBe('2026-12-31T23:59:59.045Z')
    expect(iso(Date.UTC(1000, 0, 1))).toBe('1000-01-01T00:00:00.000Z')
    const lastOf999 = Date.UTC(1000, 0, 1) - 1
    expect(iso(lastOf999)).toBe('0999-12-31T23:59:59.999Z')
    expect(iso(Date.UTC(9999, 11, 31, 23, 59, 59, 999))).toBe('9999-12-31T23:59:59.999Z')
  })
})

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
