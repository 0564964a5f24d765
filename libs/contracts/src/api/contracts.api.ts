import type { Declaration } from './declaration';

/** The contracts service's methods: gRPC name → REST route, roles, summary. */
export const CONTRACTS_API = {} as const satisfies Record<string, Declaration>;
