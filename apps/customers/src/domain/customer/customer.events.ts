import { CUSTOMER_FILE_SEALED } from '@serviceops/contracts';

// Each event is declared with the use case that records it (register-customer.ts, …); the union is derived from
// the list of use cases (customer.decider.ts).
export type { CustomerEvent } from './customer.decider';
export { GENDERS, type CustomerNeed, type Gender } from './customer.state';

/**
 * Where personal data sits in the customer's events: sealed with the customer's key in storage (the one list in
 * libs/contracts, `CUSTOMER_FILE_SEALED`, which the event classification test reads too).
 */
export const CUSTOMER_SEALED_PATHS = CUSTOMER_FILE_SEALED;
