import type { Declaration } from './declaration';

/** The orders service's methods: gRPC name → REST route, roles, summary. */
export const ORDERS_API = {} as const satisfies Record<string, Declaration>;
