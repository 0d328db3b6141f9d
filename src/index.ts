/**
 * tamio-pricing — what the Tamio estimate-transaction endpoint returns, computed offline and to
 * the cent. `createStore` once, then `estimate` per cart.
 */
export { createStore, StoreConfigError, type Store } from './store/createStore'
export { estimate } from './0-estimate/estimate'
export { summarize, type SummarizeOptions } from './0-estimate/summarize'
export { reconcile, type ReconcileDifference, type ReconcileHint, type ReconcileHintCode, type ReconcileOptions, type Reconciliation } from './reconcile/index'
export { explain } from './trace/explain'
export type { Trace, TraceEntry, TraceOp, TraceAllocation, TraceOptions, TraceSplit, TraceRule, TraceFactor } from './trace/types'
export * from './money/index'
export { ISSUE_CODES, type IssueCode } from './issues/issues'
export type * from './types/input'
export type * from './types/output'
export { inferPolicies, InferenceError, type Inference, type InferOptions, type InferOrder, type InferredPolicies, type UnexplainedOrder } from './infer/index'
