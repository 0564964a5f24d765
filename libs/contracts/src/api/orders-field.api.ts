import type { Declaration } from './declaration';

/** Companion chat, safety incidents, daily reports and order lists (issue 15 items 8–11). */
export const ORDERS_FIELD_API = {} as const satisfies Record<string, Declaration>;
