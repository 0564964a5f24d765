import type { Declaration } from './declaration';

/** Quotes, work orders, execution and completion (issue 15 items 1, 5, 6). */
export const ORDERS_WORK_API = {} as const satisfies Record<string, Declaration>;
