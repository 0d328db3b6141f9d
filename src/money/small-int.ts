/**
 * The same integer, held by V8 as a small integer when it fits in 32 bits (`| 0`; −0 becomes 0).
 * For integers only: a fraction within 32 bits would lose its fractional part, so every caller
 * passes a value it has checked (or made) whole.
 *
 * A quotient made by `/` in optimized code comes back as a heap number even when it is whole, and
 * every amount computed from it in unoptimized code stays one. The first heap number stored in an
 * object field makes V8 box that field in every later object of the same shape — an allocation
 * per amount per line for the rest of the process. The money core returns its results through
 * this, so the amounts it makes are small integers from the first estimate on.
 *
 * @example
 * ```ts
 * smallInt(2011) // 2011, as a small integer
 * smallInt(2 ** 40) // 1099511627776, unchanged (past 32 bits)
 * ```
 */
export function smallInt(n: number): number {
  return n <= 0x7fffffff && n >= -0x80000000 ? n | 0 : n
}
