import type { TaxLevel } from './level'

/** Line (the default): each line × rate is rounded once. @example `line.name // 'line'` */
export const line: TaxLevel = { name: 'line', perUnit: false, document: false }
