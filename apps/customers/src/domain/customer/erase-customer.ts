import { useCase, type Command, type Event } from '@serviceops/kernel';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import type { CustomerContext, CustomerState } from './customer.state';

export type EraseCustomer = Command<
  'EraseCustomer',
  {
    readonly customerId: string;
    readonly reason: string;
    /** Set when a survivor's erasure takes its merged duplicates along (the same person). */
    readonly withSurvivor?: string;
  }
>;

/** The person asked to be forgotten: their data key is destroyed with this event. */
export type CustomerErased = Event<'CustomerErased', { customerId: string; erasedAt: string }>;

/** The right to be forgotten (its handler destroys the data keys and blind-index rows in the same transaction). */
export const eraseCustomer = useCase<EraseCustomer, CustomerErased, CustomerState, CustomerContext>({
  command: 'EraseCustomer',
  // The erasure asked for; the handler derives those of the duplicates merged into it (`withSurvivor`).
  handles: {
    rpc: 'customers.EraseCustomer',
    command: (request: { id: string; reason?: string }) => ({
      type: 'EraseCustomer',
      data: { customerId: request.id, reason: request.reason ?? '' },
    }),
  },
  decide({ data }, state, ctx) {
    const reason = data.reason.trim();
    if (reason.length < 1 || reason.length > 500)
      throw customerError(E.invalidReason, 'say why (1–500 characters): the erasure request', 'reason');
    if (state.status === 'erased') return [];
    if (state.status === 'merged' && state.mergedInto !== data.withSurvivor)
      throw customerError(
        E.erasePartOfSurvivor,
        `this customer was merged into ${state.mergedInto}: erase that one, which erases its duplicates too`,
        undefined,
        { survivorId: state.mergedInto },
      );
    if (state.status === 'absent') throw customerError(E.notFound, 'no such customer');
    return [
      { type: 'CustomerErased', data: { customerId: state.customerId, erasedAt: ctx.now.toISOString() } },
    ];
  },
  evolve: {
    CustomerErased: (state, event) => {
      if (state.status === 'absent' || state.status === 'erased') return state;
      return {
        status: 'erased',
        customerId: state.customerId,
        channel: state.channel,
        ...(state.branchId ? { branchId: state.branchId } : {}),
        registeredAt: state.registeredAt,
        updatedAt: event.data.erasedAt,
        erasedAt: event.data.erasedAt,
        mergedFrom: state.mergedFrom,
      };
    },
  },
});
