import type { Decider } from '@serviceops/kernel';
import type { CustomerCommand, CustomerContext } from './customer.commands';
import { decideCustomer } from './customer.decide';
import type { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { initialCustomerState, type CustomerState } from './customer.state';

export { MAX_NOTES } from './customer.decide';

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState, CustomerContext> = {
  initialState: initialCustomerState,
  decide: decideCustomer,
  evolve: evolveCustomer,
};
