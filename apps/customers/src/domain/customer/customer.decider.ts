import { deciderOf, type CommandOf, type EventOf } from '@serviceops/kernel';
import { changeCustomerContacts } from './change-customer-contacts';
import { eraseCustomer } from './erase-customer';
import { absorbDuplicate, mergeInto } from './merge-customers';
import { registerCustomer } from './register-customer';
import { initialCustomerState, type CustomerContext, type CustomerState } from './customer.state';
import { releaseDuplicate, undoMerge } from './undo-customer-merge';
import { updateCustomerFile } from './update-customer-file';

export { MAX_NOTES } from './customer.rules';

/**
 * The customer file: the list of its use cases, a file each beside this one (command, decision, the events it
 * records and how they change the state). A new command is its file and its line here; the unions below, the
 * decider and the service's generic handler (application/customer.handlers.ts) follow from the list.
 */
export const CUSTOMER_USE_CASES = [
  registerCustomer,
  changeCustomerContacts,
  updateCustomerFile,
  absorbDuplicate,
  mergeInto,
  releaseDuplicate,
  undoMerge,
  eraseCustomer,
] as const;

export type CustomerCommand = CommandOf<typeof CUSTOMER_USE_CASES>;
export type CustomerEvent = EventOf<typeof CUSTOMER_USE_CASES>;

export const customerDecider = deciderOf<typeof CUSTOMER_USE_CASES, CustomerState, CustomerContext>(
  initialCustomerState,
  CUSTOMER_USE_CASES,
);
