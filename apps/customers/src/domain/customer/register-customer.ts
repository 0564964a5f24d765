import { CUSTOMER_CHANNELS, type CustomerChannel } from '@serviceops/contracts';
import { optional, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import {
  addressOf,
  birthDateOf,
  emailOf,
  genderOf,
  idNumberOf,
  nameOf,
  needsOf,
  needsOfMessages,
  notesOf,
  patched,
  phoneOf,
  type NeedMessage,
} from './customer.rules';
import type { CustomerContext, CustomerFile, CustomerNeed, CustomerState, Gender } from './customer.state';

export type RegisterCustomer = Command<
  'RegisterCustomer',
  /** The file's fields as given (its times and merges are the decision's). */
  Omit<CustomerFile, 'registeredAt' | 'updatedAt' | 'mergedFrom'> & {
    /** Register even though likely duplicates exist (the context names them). */
    readonly confirmDuplicate?: boolean;
  }
>;

/** Personal fields are in clear here; the application seals them with the customer's key before storing. */
export type CustomerRegistered = Event<
  'CustomerRegistered',
  {
    customerId: string;
    channel: CustomerChannel;
    branchId?: string;
    registeredAt: string;
    name: string;
    gender?: Gender;
    birthDate?: string;
    phone?: string;
    email?: string;
    address?: string;
    idNumber?: string;
    needs?: readonly CustomerNeed[];
    notes?: string;
    /** Customers with the same phone, email or ID number the registering user saw and confirmed as others. */
    confirmedDistinctFrom?: string[];
  }
>;

/** The request as the proto decodes it (proto3: unset strings absent). */
interface RegisterCustomerRequest {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly channel?: string;
  readonly branchId?: string;
  readonly notes?: string;
  readonly gender?: string;
  readonly birthDate?: string;
  readonly address?: string;
  readonly idNumber?: string;
  readonly needs?: readonly NeedMessage[];
  readonly confirmDuplicate?: boolean;
}

/** A new customer file (its handler makes the data key and the blind index: application/customer.handlers.ts). */
export const registerCustomer = useCase<RegisterCustomer, CustomerRegistered, CustomerState, CustomerContext>(
  {
    command: 'RegisterCustomer',
    handles: {
      rpc: 'customers.RegisterCustomer',
      command: (request: RegisterCustomerRequest, { newId }: Caller) => ({
        type: 'RegisterCustomer',
        data: {
          customerId: newId,
          name: request.name ?? '',
          channel: (request.channel ?? '') as CustomerChannel,
          ...optional('phone', request.phone),
          ...optional('email', request.email),
          ...optional('branchId', request.branchId),
          ...optional('notes', request.notes),
          ...optional('gender', request.gender as Gender | undefined),
          ...optional('birthDate', request.birthDate),
          ...optional('address', request.address),
          ...optional('idNumber', request.idNumber),
          ...(request.needs?.length ? { needs: needsOfMessages(request.needs) } : {}),
          ...(request.confirmDuplicate ? { confirmDuplicate: true } : {}),
        },
      }),
    },
    decide({ data }, state, ctx) {
      if (state.status !== 'absent') throw customerError(E.exists, 'this customer is already registered');
      if (!CUSTOMER_CHANNELS.includes(data.channel))
        throw customerError(
          E.invalidChannel,
          `channel must be one of ${CUSTOMER_CHANNELS.join(', ')}`,
          'channel',
        );
      if (data.branchId && ctx.branchIds && !ctx.branchIds.includes(data.branchId))
        throw customerError(E.unknownBranch, 'no such branch in this tenant', 'branchId');
      const file = {
        name: nameOf(data.name),
        ...(data.gender ? { gender: genderOf(data.gender) } : {}),
        ...(data.birthDate ? { birthDate: birthDateOf(data.birthDate, ctx.now) } : {}),
        ...(data.phone ? { phone: phoneOf(data.phone) } : {}),
        ...(data.email ? { email: emailOf(data.email) } : {}),
        ...(data.address ? { address: addressOf(data.address) } : {}),
        ...(data.idNumber ? { idNumber: idNumberOf(data.idNumber) } : {}),
        ...(data.needs?.length ? { needs: needsOf(data.needs) } : {}),
        ...(data.notes ? { notes: notesOf(data.notes) } : {}),
      };
      const duplicates = ctx.duplicates ?? [];
      if (duplicates.length > 0 && !data.confirmDuplicate)
        throw customerError(
          E.duplicateSuspected,
          'customers with the same phone, email or ID number exist: merge into one of them, or register again with confirmDuplicate',
          undefined,
          { candidates: duplicates },
        );
      return [
        {
          type: 'CustomerRegistered',
          data: {
            customerId: data.customerId,
            channel: data.channel,
            ...(data.branchId ? { branchId: data.branchId } : {}),
            registeredAt: ctx.now.toISOString(),
            ...file,
            ...(duplicates.length > 0 ? { confirmedDistinctFrom: duplicates.map((d) => d.id) } : {}),
          },
        },
      ];
    },
    evolve: {
      CustomerRegistered: (_state, event) => {
        const { confirmedDistinctFrom: _seen, ...d } = event.data;
        return patched({ status: 'active', ...d, updatedAt: d.registeredAt, mergedFrom: [] }, {});
      },
    },
  },
);
