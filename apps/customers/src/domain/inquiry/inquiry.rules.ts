import type { TextRule } from '@serviceops/kernel';
import { InquiryErrorCode as E, inquiryError, type InquiryErrorCode } from './inquiry.errors';
import type { Inquiry, InquiryState } from './inquiry.state';

/** The rules the inquiry's use cases share. */

/** The inquiry the command names, refused when there is none. */
export function existing(state: InquiryState, inquiryId: string): Inquiry {
  if (state.status === 'absent' || state.inquiryId !== inquiryId) {
    throw inquiryError(E.INQUIRY_NOT_FOUND, `inquiry ${inquiryId} does not exist`, { inquiryId });
  }
  return state;
}

/** Trimmed text, checked by the field's shared rule (the gateway applies the same one). */
export function text(value: unknown, field: string, rule: TextRule, code: InquiryErrorCode): string {
  if (typeof value !== 'string' || !rule.accepts(value)) {
    throw inquiryError(code, `${field} ${rule.message}`, { field });
  }
  return value.trim();
}

export function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
