import type { Declaration } from './declaration';

/** The staff service's methods: gRPC name → REST route, roles, summary. */
export const STAFF_API = {} as const satisfies Record<string, Declaration>;
