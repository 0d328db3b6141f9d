import BigJs from 'big.js'

/**
 * A private big.js constructor. `Big()` called without `new` returns an independent constructor
 * with its own `DP` and `RM`, so a host application changing the global `Big.RM` or `Big.DP`
 * cannot change our results; and we pass the rounding mode explicitly wherever we round.
 * big.js is used only to *parse* decimals, once, when a store is prepared — never per line.
 */
export const Big = BigJs()
Big.DP = 40
Big.RM = Big.roundDown
Big.NE = -1e6
Big.PE = 1e6
// Strict mode would reject Number inputs; we convert them with String() ourselves instead.
