import { BUSINESS_LINES, CUSTOMER_CHANNELS } from '@serviceops/contracts';
import { codePoints, normaliseIdNumber, RULES, type StringRule } from '@serviceops/kernel';
import type {
  AbsorbDuplicate,
  ChangeCustomerContacts,
  CustomerCommand,
  CustomerContext,
  EraseCustomer,
  MergeInto,
  RegisterCustomer,
  ReleaseDuplicate,
  UndoMerge,
  UpdateCustomerFile,
} from './customer.commands';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import { GENDERS, type CustomerEvent, type CustomerNeed, type Gender } from './customer.events';
import type { CustomerFile, CustomerState } from './customer.state';

export const MAX_NOTES = RULES.notes.schema.maxLength;
export const MAX_NEED_TEXT = RULES.needText.schema.maxLength;
const YEAR = /^(\d{4})/;

type Active = Extract<CustomerState, { status: 'active' }>;

// ---- field rules: the checks are the shared RULES (the gateway applies the same ones); here they get our codes ----

function checked(rule: StringRule, raw: string, code: string, field: string): string {
  if (!rule.accepts(raw)) throw customerError(code, `${field} ${rule.message}`, field);
  return raw.trim();
}

function nameOf(raw: string): string {
  return checked(RULES.name, raw, E.invalidName, 'name');
}

function phoneOf(raw: string): string {
  return checked(RULES.phone, raw, E.invalidPhone, 'phone');
}

function emailOf(raw: string): string {
  return checked(RULES.email, raw, E.invalidEmail, 'email').toLowerCase();
}

function addressOf(raw: string): string {
  return checked(RULES.address, raw, E.invalidAddress, 'address');
}

/** ID numbers compare without spaces or dashes, in capitals ('11010519491231002x' = '11010519491231002X'). */
export function idNumberOf(raw: string): string {
  checked(RULES.idNumber, raw, E.invalidIdNumber, 'idNumber');
  return normaliseIdNumber(raw);
}

function genderOf(raw: string): Gender {
  if (!(GENDERS as readonly string[]).includes(raw))
    throw customerError(E.invalidGender, `gender must be one of ${GENDERS.join(', ')}`, 'gender');
  return raw as Gender;
}

/** A real calendar date, not in the future, not before 1900. */
function birthDateOf(raw: string, now: Date): string {
  checked(RULES.dateOnly, raw, E.invalidBirthDate, 'birthDate');
  if (Number(YEAR.exec(raw)?.[1]) < 1900)
    throw customerError(E.birthDateOutOfRange, 'birth date is before 1900', 'birthDate');
  if (raw > now.toISOString().slice(0, 10))
    throw customerError(E.birthDateOutOfRange, 'birth date is in the future', 'birthDate');
  return raw;
}

function notesOf(raw: string): string {
  if (!RULES.notes.accepts(raw))
    throw customerError(E.notesTooLong, `notes are limited to ${MAX_NOTES} characters`, 'notes');
  return raw;
}

function needsOf(raw: readonly CustomerNeed[]): CustomerNeed[] {
  const seen = new Set<string>();
  return raw.map((need, i) => {
    const at = `needs[${i}]`;
    if (!(BUSINESS_LINES as readonly string[]).includes(need.line))
      throw customerError(E.invalidNeeds, `line must be one of ${BUSINESS_LINES.join(', ')}`, `${at}.line`);
    if (seen.has(need.line))
      throw customerError(E.needLineRepeated, `${need.line} appears twice`, `${at}.line`);
    seen.add(need.line);
    const text = (field: 'needs' | 'preferences') => {
      const value = need[field]?.trim();
      if (value !== undefined && codePoints(value) > MAX_NEED_TEXT)
        throw customerError(E.invalidNeeds, `at most ${MAX_NEED_TEXT} characters`, `${at}.${field}`);
      return value ? { [field]: value } : {};
    };
    return { line: need.line, ...text('needs'), ...text('preferences') };
  });
}

// ---- states ----

/** The customer a command acts on must be active: merged and erased ones say so. */
function live(state: CustomerState, field?: string): Active {
  switch (state.status) {
    case 'active':
      return state;
    case 'absent':
      throw customerError(E.notFound, 'no such customer', field);
    case 'merged':
      throw customerError(
        E.merged,
        `this customer was merged into ${state.mergedInto}; act on that one`,
        field,
        { survivorId: state.mergedInto },
      );
    case 'erased':
      throw customerError(E.erased, 'this customer was erased at their request', field);
  }
}

// ---- commands ----

function register({ data }: RegisterCustomer, state: CustomerState, ctx: CustomerContext): CustomerEvent[] {
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
}

/** A change to a field: undefined = not given, null = remove; `same` tells whether it changes nothing. */
function change<T>(given: T | null | undefined, current: T | undefined, parse: (v: T) => T) {
  if (given === undefined) return undefined;
  const next = given === null ? null : parse(given);
  return JSON.stringify(next ?? undefined) === JSON.stringify(current) ? undefined : { value: next };
}

function changeContacts(
  { data }: ChangeCustomerContacts,
  state: CustomerState,
  ctx: CustomerContext,
): CustomerEvent[] {
  const customer = live(state);
  if (data.phone === undefined && data.email === undefined && data.address === undefined)
    throw customerError(E.nothingToChange, 'give a phone, an email or an address (null removes one)');
  const phone = change(data.phone, customer.phone, phoneOf);
  const email = change(data.email, customer.email, emailOf);
  const address = change(data.address, customer.address, addressOf);
  if (!phone && !email && !address) return [];
  return [
    {
      type: 'CustomerContactsChanged',
      data: {
        customerId: customer.customerId,
        changedAt: ctx.now.toISOString(),
        ...(phone ? { phone: phone.value } : {}),
        ...(email ? { email: email.value } : {}),
        ...(address ? { address: address.value } : {}),
      },
    },
  ];
}

function updateFile(
  { data }: UpdateCustomerFile,
  state: CustomerState,
  ctx: CustomerContext,
): CustomerEvent[] {
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
}

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

function absorb({ data }: AbsorbDuplicate, state: CustomerState, ctx: CustomerContext): CustomerEvent[] {
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
}

function mergeInto({ data }: MergeInto, state: CustomerState, ctx: CustomerContext): CustomerEvent[] {
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
}

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

function release({ data }: ReleaseDuplicate, state: CustomerState, ctx: CustomerContext): CustomerEvent[] {
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
}

function undoMerge({ data }: UndoMerge, state: CustomerState, ctx: CustomerContext): CustomerEvent[] {
  const duplicateId = state.status === 'absent' ? '' : state.customerId;
  undoable(ctx.counterpart ?? { status: 'absent' }, state, duplicateId);
  return [
    {
      type: 'CustomerMergeUndone',
      data: { customerId: duplicateId, survivorId: data.survivorId, undoneAt: ctx.now.toISOString() },
    },
  ];
}

function erase({ data }: EraseCustomer, state: CustomerState, ctx: CustomerContext): CustomerEvent[] {
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
    case 'UpdateCustomerFile':
      return updateFile(command, state, ctx);
    case 'AbsorbDuplicate':
      return absorb(command, state, ctx);
    case 'MergeInto':
      return mergeInto(command, state, ctx);
    case 'ReleaseDuplicate':
      return release(command, state, ctx);
    case 'UndoMerge':
      return undoMerge(command, state, ctx);
    case 'EraseCustomer':
      return erase(command, state, ctx);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as { type: string }).type}`);
    }
  }
}

export type { CustomerFile };
