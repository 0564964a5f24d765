import { useCase, type Command, type Event } from '@serviceops/kernel';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import { live, type DuplicateRequest } from './customer.rules';
import type { CustomerContext, CustomerState } from './customer.state';

// Undoing a merge: one command on each stream, written together as the merge was (application/customer.handlers.ts).

export type ReleaseDuplicate = Command<
  'ReleaseDuplicate',
  { readonly customerId: string; readonly duplicateId: string }
>;
export type UndoMerge = Command<'UndoMerge', { readonly customerId: string; readonly survivorId: string }>;

export type DuplicateReleased = Event<
  'DuplicateReleased',
  { customerId: string; duplicateId: string; undoneAt: string }
>;
export type CustomerMergeUndone = Event<
  'CustomerMergeUndone',
  { customerId: string; survivorId: string; undoneAt: string }
>;

/** The rules of undoing a merge: the duplicate is merged into exactly this survivor. */
function undoable(
  survivorState: CustomerState,
  duplicateState: CustomerState | undefined,
  duplicateId: string,
) {
  const survivor = live(survivorState, 'id');
  const duplicate = duplicateState ?? { status: 'absent' };
  if (
    !survivor.mergedFrom.includes(duplicateId) ||
    duplicate.status !== 'merged' ||
    duplicate.mergedInto !== survivor.customerId
  )
    throw customerError(E.notMerged, `${duplicateId} is not merged into this customer`, 'duplicateId');
  return { survivor, duplicate };
}

export const releaseDuplicate = useCase<ReleaseDuplicate, DuplicateReleased, CustomerState, CustomerContext>({
  command: 'ReleaseDuplicate',
  // The survivor's side is the command an undo is asked for; the duplicate's (UndoMerge) is derived by the handler.
  handles: {
    rpc: 'customers.UndoCustomerMerge',
    command: (request: DuplicateRequest) => ({
      type: 'ReleaseDuplicate',
      data: { customerId: request.id, duplicateId: request.duplicateId ?? '' },
    }),
  },
  decide({ data }, state, ctx) {
    const { survivor } = undoable(state, ctx.counterpart, data.duplicateId);
    return [
      {
        type: 'DuplicateReleased',
        data: {
          customerId: survivor.customerId,
          duplicateId: data.duplicateId,
          undoneAt: ctx.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    DuplicateReleased: (state, event) => {
      if (state.status !== 'active') return state;
      return {
        ...state,
        mergedFrom: state.mergedFrom.filter((id) => id !== event.data.duplicateId),
        updatedAt: event.data.undoneAt,
      };
    },
  },
});

export const undoMerge = useCase<UndoMerge, CustomerMergeUndone, CustomerState, CustomerContext>({
  command: 'UndoMerge',
  decide({ data }, state, ctx) {
    const duplicateId = state.status === 'absent' ? '' : state.customerId;
    undoable(ctx.counterpart ?? { status: 'absent' }, state, duplicateId);
    return [
      {
        type: 'CustomerMergeUndone',
        data: { customerId: duplicateId, survivorId: data.survivorId, undoneAt: ctx.now.toISOString() },
      },
    ];
  },
  evolve: {
    CustomerMergeUndone: (state, event) => {
      if (state.status !== 'merged') return state;
      const { mergedInto: _into, ...file } = state;
      return { ...file, status: 'active', updatedAt: event.data.undoneAt };
    },
  },
});
