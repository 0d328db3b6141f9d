/**
 * One error channel: every issue is built by `issue(code, path, …params)`, whose parameters are
 * typed per code — a code that needs a number cannot be raised without it, and one that takes none
 * cannot be given any — so no message is ever built from missing data.
 */
import { describe, expect, it } from 'vitest'
import { issue, ISSUE_CODES } from '../src/issues/issues'

describe('issue()', () => {
  it('interpolates the parameters its code declares', () => {
    expect(issue('too_many_lines', 'products', { max: 20 })).toEqual({ code: 'too_many_lines', path: 'products', message: 'at most 20 product lines are allowed' })
    expect(issue('unknown_product', 'products[0].id', { id: 'p9' }).message).toBe('no product with id "p9"')
    expect(issue('invalid_value', 'account.max_lines').message).toBe('is not a valid value')
    expect(issue('invalid_value', 'account.max_lines', { detail: 'at least 1' }).message).toBe('is not a valid value: at least 1')
  })

  it('type-checks the parameters per code (checked by tsc, which npm test runs)', () => {
    // Never called: these lines are for the type checker only.
    const wrong = (): void => {
      // @ts-expect-error too_many_lines needs { max }
      issue('too_many_lines', 'products')
      // @ts-expect-error unknown_product's id is a string
      issue('unknown_product', 'products[0].id', { id: 9 })
      // @ts-expect-error not_buyable takes no parameters
      issue('not_buyable', 'products[0]', { id: 'x' })
      // @ts-expect-error not a code
      issue('no_such_code', '')
    }
    expect(typeof wrong).toBe('function')
    expect(ISSUE_CODES).toContain('not_buyable')
  })

  it('every code has a message of its own', () => {
    const messages = new Set<string>()
    for (const code of ISSUE_CODES) {
      const i = (issue as (c: string, p: string, x: object) => { message: string })(code, '', { max: 1, min: 1, stock: 1, id: 'x', code: 'c', currency: 'EUR', country: 'FR', expected: 'x' })
      expect(i.message.length, code).toBeGreaterThan(5)
      messages.add(i.message)
    }
    expect(messages.size).toBe(ISSUE_CODES.length)
  })
})
