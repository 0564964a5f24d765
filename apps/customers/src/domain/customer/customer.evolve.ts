import type { CustomerEvent } from './customer.events';
import type { CustomerFile, CustomerState } from './customer.state';

type Fields = Partial<Record<keyof CustomerFile, unknown>>;

/** Applies a change where null removes a field and undefined leaves it. */
function patched<T extends object>(file: T, changes: Fields): T {
  const out = { ...file } as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null || (Array.isArray(value) && value.length === 0)) delete out[field];
    else out[field] = value;
  }
  return out as T;
}

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered': {
      const { confirmedDistinctFrom: _seen, ...d } = event.data;
      return patched({ status: 'active', ...d, updatedAt: d.registeredAt, mergedFrom: [] }, {});
    }
    case 'CustomerContactsChanged': {
      if (state.status !== 'active') return state;
      const { customerId: _id, changedAt, ...changes } = event.data;
      return patched({ ...state, updatedAt: changedAt }, changes);
    }
    case 'CustomerFileUpdated': {
      if (state.status !== 'active') return state;
      const { customerId: _id, updatedAt, ...changes } = event.data;
      return patched({ ...state, updatedAt }, changes);
    }
    case 'DuplicateAbsorbed':
      if (state.status !== 'active') return state;
      return {
        ...state,
        mergedFrom: [...state.mergedFrom, event.data.duplicateId],
        updatedAt: event.data.mergedAt,
      };
    case 'DuplicateReleased':
      if (state.status !== 'active') return state;
      return {
        ...state,
        mergedFrom: state.mergedFrom.filter((id) => id !== event.data.duplicateId),
        updatedAt: event.data.undoneAt,
      };
    case 'CustomerMerged':
      if (state.status !== 'active') return state;
      return {
        ...state,
        status: 'merged',
        mergedInto: event.data.survivorId,
        updatedAt: event.data.mergedAt,
      };
    case 'CustomerMergeUndone': {
      if (state.status !== 'merged') return state;
      const { mergedInto: _into, ...file } = state;
      return { ...file, status: 'active', updatedAt: event.data.undoneAt };
    }
    case 'CustomerErased':
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
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
