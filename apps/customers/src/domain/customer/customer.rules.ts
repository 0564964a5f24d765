import { BUSINESS_LINES } from '@serviceops/contracts';
import { codePoints, normaliseIdNumber, optional, RULES, type StringRule } from '@serviceops/kernel';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import {
  GENDERS,
  type CustomerFile,
  type CustomerNeed,
  type CustomerState,
  type Gender,
} from './customer.state';

/** The rules the customer's use cases share: each field's check, and which states a command may act on. */

export const MAX_NOTES = RULES.notes.schema.maxLength;
export const MAX_NEED_TEXT = RULES.needText.schema.maxLength;
const YEAR = /^(\d{4})/;

export type Active = Extract<CustomerState, { status: 'active' }>;

// ---- field rules: the checks are the shared RULES (the gateway applies the same ones); here they get our codes ----

function checked(rule: StringRule, raw: string, code: string, field: string): string {
  if (!rule.accepts(raw)) throw customerError(code, `${field} ${rule.message}`, field);
  return raw.trim();
}

export function nameOf(raw: string): string {
  return checked(RULES.name, raw, E.invalidName, 'name');
}

export function phoneOf(raw: string): string {
  return checked(RULES.phone, raw, E.invalidPhone, 'phone');
}

export function emailOf(raw: string): string {
  return checked(RULES.email, raw, E.invalidEmail, 'email').toLowerCase();
}

export function addressOf(raw: string): string {
  return checked(RULES.address, raw, E.invalidAddress, 'address');
}

/** ID numbers compare without spaces or dashes, in capitals ('11010519491231002x' = '11010519491231002X'). */
export function idNumberOf(raw: string): string {
  checked(RULES.idNumber, raw, E.invalidIdNumber, 'idNumber');
  return normaliseIdNumber(raw);
}

export function genderOf(raw: string): Gender {
  if (!(GENDERS as readonly string[]).includes(raw))
    throw customerError(E.invalidGender, `gender must be one of ${GENDERS.join(', ')}`, 'gender');
  return raw as Gender;
}

/** A real calendar date, not in the future, not before 1900. */
export function birthDateOf(raw: string, now: Date): string {
  checked(RULES.dateOnly, raw, E.invalidBirthDate, 'birthDate');
  if (Number(YEAR.exec(raw)?.[1]) < 1900)
    throw customerError(E.birthDateOutOfRange, 'birth date is before 1900', 'birthDate');
  if (raw > now.toISOString().slice(0, 10))
    throw customerError(E.birthDateOutOfRange, 'birth date is in the future', 'birthDate');
  return raw;
}

export function notesOf(raw: string): string {
  if (!RULES.notes.accepts(raw))
    throw customerError(E.notesTooLong, `notes are limited to ${MAX_NOTES} characters`, 'notes');
  return raw;
}

export function needsOf(raw: readonly CustomerNeed[]): CustomerNeed[] {
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
export function live(state: CustomerState, field?: string): Active {
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

/** A change to a field: undefined = not given, null = remove; `same` tells whether it changes nothing. */
export function change<T>(given: T | null | undefined, current: T | undefined, parse: (v: T) => T) {
  if (given === undefined) return undefined;
  const next = given === null ? null : parse(given);
  return JSON.stringify(next ?? undefined) === JSON.stringify(current) ? undefined : { value: next };
}

type Fields = Partial<Record<keyof CustomerFile, unknown>>;

/** Applies a change where null removes a field and undefined leaves it. */
export function patched<T extends object>(file: T, changes: Fields): T {
  const out = { ...file } as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null || (Array.isArray(value) && value.length === 0)) delete out[field];
    else out[field] = value;
  }
  return out as T;
}

/** A merge's request, and its undoing's, as the proto decodes it: the survivor (`id`) and the duplicate. */
export interface DuplicateRequest {
  readonly id: string;
  readonly duplicateId?: string;
}

/** A need as the proto decodes it (proto3: unset strings absent). */
export interface NeedMessage {
  readonly line?: string;
  readonly needs?: string;
  readonly preferences?: string;
}

export const needsOfMessages = (needs: readonly NeedMessage[] | undefined): CustomerNeed[] =>
  (needs ?? []).map((n) => ({
    line: (n.line ?? '') as CustomerNeed['line'],
    ...optional('needs', n.needs),
    ...optional('preferences', n.preferences),
  }));
