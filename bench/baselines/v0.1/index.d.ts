// The two functions the bench calls on the 0.1 build (data, not a library of ours).
export declare function createStore(config: unknown): unknown
export declare function estimate(store: unknown, request: unknown, options?: unknown): unknown
