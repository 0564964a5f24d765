import type { Declaration } from './declaration';

/** Resources, the tool register, preparation checklists and rentals (issue 15 items 2, 4, 7). */
export const ORDERS_RESOURCES_API = {} as const satisfies Record<string, Declaration>;
