import { CUSTOMER_CHANNELS } from '@serviceops/contracts';
import type { Decider } from '@serviceops/kernel';
import type {
  ChangeCustomerContacts,
  CustomerCommand,
  CustomerContext,
  RegisterCustomer,
} from './customer.commands';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import type { CustomerEvent } from './customer.events';
import { initialCustomerState, type CustomerState } from './customer.state';

export const MAX_NOTES = 10_000;
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function phoneOf(raw: string): string {
  const phone = raw.trim();
  if (!PHONE.test(phone))
    throw customerError(
      E.invalidPhone,
      'phone must be digits, spaces or dashes, optionally after +',
      'phone',
    );
  return phone;
}

function emailOf(raw: string): string {
  const email = raw.trim();
  if (email.length > 254 || !EMAIL.test(email))
    throw customerError(E.invalidEmail, 'not an email address', 'email');
  return email.toLowerCase();
}

function register({ data }: RegisterCustomer, state: CustomerState, ctx: CustomerContext): CustomerEvent[] {
  if (state.status !== 'absent') throw customerError(E.exists, 'this customer is already registered');
  const name = data.name.trim();
  if (name.length < 1 || name.length > 200)
    throw customerError(E.invalidName, 'name must be 1–200 characters', 'name');
  if (!CUSTOMER_CHANNELS.includes(data.channel))
    throw customerError(
      E.invalidChannel,
      `channel must be one of ${CUSTOMER_CHANNELS.join(', ')}`,
      'channel',
    );
  if (data.branchId && ctx.branchIds && !ctx.branchIds.includes(data.branchId))
    throw customerError(E.unknownBranch, 'no such branch in this tenant', 'branchId');
  if (data.notes !== undefined && data.notes.length > MAX_NOTES)
    throw customerError(E.notesTooLong, `notes are limited to ${MAX_NOTES} characters`, 'notes');
  return [
    {
      type: 'CustomerRegistered',
      data: {
        customerId: data.customerId,
        channel: data.channel,
        ...(data.branchId ? { branchId: data.branchId } : {}),
        registeredAt: ctx.now.toISOString(),
        name,
        ...(data.phone ? { phone: phoneOf(data.phone) } : {}),
        ...(data.email ? { email: emailOf(data.email) } : {}),
        ...(data.notes ? { notes: data.notes } : {}),
      },
    },
  ];
}

function changeContacts(
  { data }: ChangeCustomerContacts,
  state: CustomerState,
  ctx: CustomerContext,
): CustomerEvent[] {
  if (state.status !== 'active') throw customerError(E.notFound, 'no such customer');
  const phone = data.phone === undefined || data.phone === null ? data.phone : phoneOf(data.phone);
  const email = data.email === undefined || data.email === null ? data.email : emailOf(data.email);
  if (phone === undefined && email === undefined)
    throw customerError(E.nothingToChange, 'give a phone or an email (null removes one)');
  const samePhone = phone === undefined || (phone ?? undefined) === state.phone;
  const sameEmail = email === undefined || (email ?? undefined) === state.email;
  if (samePhone && sameEmail) return [];
  return [
    {
      type: 'CustomerContactsChanged',
      data: {
        customerId: state.customerId,
        changedAt: ctx.now.toISOString(),
        ...(samePhone ? {} : { phone }),
        ...(sameEmail ? {} : { email }),
      },
    },
  ];
}

export function decideCustomer(
  command: CustomerCommand,
  state: CustomerState,
  ctx: CustomerContext,
): CustomerEvent[] {
  switch (command.type) {
    case 'RegisterCustomer':
      return register(command, state, ctx);
    case 'ChangeCustomerContacts':
      return changeContacts(command, state, ctx);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as { type: string }).type}`);
    }
  }
}

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered': {
      const d = event.data;
      return {
        status: 'active',
        customerId: d.customerId,
        name: d.name,
        channel: d.channel,
        registeredAt: d.registeredAt,
        updatedAt: d.registeredAt,
        ...(d.phone ? { phone: d.phone } : {}),
        ...(d.email ? { email: d.email } : {}),
        ...(d.branchId ? { branchId: d.branchId } : {}),
        ...(d.notes ? { notes: d.notes } : {}),
      };
    }
    case 'CustomerContactsChanged': {
      if (state.status !== 'active') return state;
      const { phone: _p, email: _e, ...rest } = state;
      const phone = event.data.phone === undefined ? state.phone : (event.data.phone ?? undefined);
      const email = event.data.email === undefined ? state.email : (event.data.email ?? undefined);
      return {
        ...rest,
        updatedAt: event.data.changedAt,
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState, CustomerContext> = {
  initialState: initialCustomerState,
  decide: decideCustomer,
  evolve: evolveCustomer,
};
