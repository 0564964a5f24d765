import type { Declaration } from './declaration';

/** Staff availability and load as orders sees it (issue 15 item 3, issue 13 item 7). */
export const ORDERS_AVAILABILITY_API = {} as const satisfies Record<string, Declaration>;
