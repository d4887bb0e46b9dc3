/** The part of p-limit's API labctl uses. */
export type Limit = <T>(task: () => PromiseLike<T> | T) => Promise<T>;

/** p-limit is ESM-only: Node 22 and jest require() it; TypeScript's CommonJS output cannot `import` it. */
export const pLimit = (require("p-limit") as { default: (concurrency: number) => Limit }).default;
