import { removable, useCase, type Command, type Event } from '@serviceops/kernel';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import {
  birthDateOf,
  change,
  genderOf,
  idNumberOf,
  live,
  nameOf,
  needsOf,
  notesOf,
  patched,
  needsOfMessages,
  type NeedMessage,
} from './customer.rules';
import type { CustomerContext, CustomerNeed, CustomerState, Gender } from './customer.state';

/** `null` removes a field (not the name); `needs` replaces the needs of every line. */
export type UpdateCustomerFile = Command<
  'UpdateCustomerFile',
  {
    readonly customerId: string;
    readonly name?: string;
    readonly gender?: Gender | null;
    readonly birthDate?: string | null;
    readonly idNumber?: string | null;
    readonly notes?: string | null;
    readonly needs?: readonly CustomerNeed[];
  }
>;

/** `null` removed a field; `needs` replaced every line's needs. */
export type CustomerFileUpdated = Event<
  'CustomerFileUpdated',
  {
    customerId: string;
    updatedAt: string;
    name?: string;
    gender?: Gender | null;
    birthDate?: string | null;
    idNumber?: string | null;
    notes?: string | null;
    needs?: readonly CustomerNeed[];
  }
>;

interface UpdateCustomerFileRequest {
  readonly id: string;
  readonly name?: string;
  readonly gender?: string;
  readonly birthDate?: string;
  readonly idNumber?: string;
  readonly notes?: string;
  /** Wrapped, so that "no change" (absent) and "clear" (an empty list) differ over gRPC. */
  readonly needs?: { readonly items?: NeedMessage[] };
}

export const updateCustomerFile = useCase<
  UpdateCustomerFile,
  CustomerFileUpdated,
  CustomerState,
  CustomerContext
>({
  command: 'UpdateCustomerFile',
  handles: {
    rpc: 'customers.UpdateCustomerFile',
    command: (request: UpdateCustomerFileRequest) => ({
      type: 'UpdateCustomerFile',
      data: {
        customerId: request.id,
        ...(request.name !== undefined ? { name: request.name } : {}),
        gender: removable(request.gender) as Gender | null | undefined,
        birthDate: removable(request.birthDate),
        idNumber: removable(request.idNumber),
        notes: removable(request.notes),
        ...(request.needs ? { needs: needsOfMessages(request.needs.items) } : {}),
      },
    }),
  },
  decide({ data }, state, ctx) {
    const customer = live(state);
    const given = ['name', 'gender', 'birthDate', 'idNumber', 'notes', 'needs'] as const;
    if (given.every((field) => data[field] === undefined))
      throw customerError(
        E.nothingToChange,
        'give at least one of name, gender, birthDate, idNumber, notes, needs',
      );
    if (data.name === null) throw customerError(E.invalidName, 'a customer keeps a name', 'name');
    const name = change(data.name, customer.name, nameOf);
    const gender = change(data.gender, customer.gender, genderOf);
    const birthDate = change(data.birthDate, customer.birthDate, (v) => birthDateOf(v, ctx.now));
    const idNumber = change(data.idNumber, customer.idNumber, idNumberOf);
    const notes = change(data.notes, customer.notes, notesOf);
    const needs =
      data.needs === undefined ? undefined : change(needsOf(data.needs), customer.needs ?? [], (v) => v);
    if (!name && !gender && !birthDate && !idNumber && !notes && !needs) return [];
    return [
      {
        type: 'CustomerFileUpdated',
        data: {
          customerId: customer.customerId,
          updatedAt: ctx.now.toISOString(),
          ...(name?.value ? { name: name.value } : {}),
          ...(gender ? { gender: gender.value } : {}),
          ...(birthDate ? { birthDate: birthDate.value } : {}),
          ...(idNumber ? { idNumber: idNumber.value } : {}),
          ...(notes ? { notes: notes.value } : {}),
          ...(needs ? { needs: needs.value ?? [] } : {}),
        },
      },
    ];
  },
  evolve: {
    CustomerFileUpdated: (state, event) => {
      if (state.status !== 'active') return state;
      const { customerId: _id, updatedAt, ...changes } = event.data;
      return patched({ ...state, updatedAt }, changes);
    },
  },
});
