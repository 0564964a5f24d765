import { useCase, type Command, type Event } from '@serviceops/kernel';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import { live, type DuplicateRequest } from './customer.rules';
import type { CustomerContext, CustomerState } from './customer.state';

// Merging a duplicate into a survivor: one command on each stream, written together by the handler
// (application/customer.handlers.ts), each deciding with the other side's state in its context.

/** On the survivor: take the duplicate in. The context carries the duplicate's state. */
export type AbsorbDuplicate = Command<
  'AbsorbDuplicate',
  { readonly customerId: string; readonly duplicateId: string }
>;
/** On the duplicate: be merged into the survivor. The context carries the survivor's state. */
export type MergeInto = Command<'MergeInto', { readonly customerId: string; readonly survivorId: string }>;

/** On the survivor's stream: a duplicate was merged into it. */
export type DuplicateAbsorbed = Event<
  'DuplicateAbsorbed',
  { customerId: string; duplicateId: string; mergedAt: string }
>;
/** On the duplicate's stream: it was merged into the survivor (its own history stays). */
export type CustomerMerged = Event<
  'CustomerMerged',
  { customerId: string; survivorId: string; mergedAt: string }
>;

/** The rules of a merge, the same seen from either side. */
function mergeable(survivorState: CustomerState, duplicateState: CustomerState | undefined) {
  const survivor = live(survivorState, 'id');
  const duplicate = live(duplicateState ?? { status: 'absent' }, 'duplicateId');
  if (survivor.customerId === duplicate.customerId)
    throw customerError(E.mergeWithItself, 'a customer cannot be merged into itself', 'duplicateId');
  if (duplicate.mergedFrom.length > 0)
    throw customerError(
      E.mergeChain,
      'the duplicate has duplicates merged into it: undo those merges first, or merge the other way',
      'duplicateId',
      { mergedFrom: duplicate.mergedFrom },
    );
  return { survivor, duplicate };
}

export const absorbDuplicate = useCase<AbsorbDuplicate, DuplicateAbsorbed, CustomerState, CustomerContext>({
  command: 'AbsorbDuplicate',
  // The survivor's side is the command a merge is asked for; the duplicate's (MergeInto) is derived by the handler.
  handles: {
    rpc: 'customers.MergeCustomers',
    command: (request: DuplicateRequest) => ({
      type: 'AbsorbDuplicate',
      data: { customerId: request.id, duplicateId: request.duplicateId ?? '' },
    }),
  },
  decide({ data }, state, ctx) {
    const { survivor, duplicate } = mergeable(state, ctx.counterpart);
    if (duplicate.customerId !== data.duplicateId) throw new Error('counterpart is not the duplicate');
    return [
      {
        type: 'DuplicateAbsorbed',
        data: {
          customerId: survivor.customerId,
          duplicateId: duplicate.customerId,
          mergedAt: ctx.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    DuplicateAbsorbed: (state, event) => {
      if (state.status !== 'active') return state;
      return {
        ...state,
        mergedFrom: [...state.mergedFrom, event.data.duplicateId],
        updatedAt: event.data.mergedAt,
      };
    },
  },
});

export const mergeInto = useCase<MergeInto, CustomerMerged, CustomerState, CustomerContext>({
  command: 'MergeInto',
  decide({ data }, state, ctx) {
    const { survivor, duplicate } = mergeable(ctx.counterpart ?? { status: 'absent' }, state);
    if (survivor.customerId !== data.survivorId) throw new Error('counterpart is not the survivor');
    return [
      {
        type: 'CustomerMerged',
        data: {
          customerId: duplicate.customerId,
          survivorId: survivor.customerId,
          mergedAt: ctx.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    CustomerMerged: (state, event) => {
      if (state.status !== 'active') return state;
      return {
        ...state,
        status: 'merged',
        mergedInto: event.data.survivorId,
        updatedAt: event.data.mergedAt,
      };
    },
  },
});
