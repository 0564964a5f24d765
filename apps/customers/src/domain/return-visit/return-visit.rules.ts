import type { TextRule } from '@serviceops/kernel';
import {
  ReturnVisitErrorCode as E,
  returnVisitError,
  type ReturnVisitErrorCode,
} from './return-visit.errors';
import type { ReturnVisit, ReturnVisitState } from './return-visit.state';

/** The rules the return visit's use cases share. */

/** A visit still to be made: recorded or cancelled ones are closed. */
export function scheduled(state: ReturnVisitState, visitId: string): ReturnVisit {
  if (state.status === 'absent' || state.visitId !== visitId) {
    throw returnVisitError(E.VISIT_NOT_FOUND, `return visit ${visitId} does not exist`, { visitId });
  }
  if (state.status !== 'scheduled') {
    throw returnVisitError(E.VISIT_CLOSED, `return visit ${visitId} is ${state.status}`, {
      visitId,
      status: state.status,
    });
  }
  return state;
}

/** Trimmed text, checked by the field's shared rule (the gateway applies the same one). */
export function text(value: unknown, field: string, rule: TextRule, code: ReturnVisitErrorCode): string {
  if (typeof value !== 'string' || !rule.accepts(value)) {
    throw returnVisitError(code, `${field} ${rule.message}`, { field });
  }
  return value.trim();
}

export function optionalText(
  value: unknown,
  field: string,
  rule: TextRule,
  code: ReturnVisitErrorCode,
): string | undefined {
  return value === undefined ? undefined : text(value, field, rule, code);
}

export function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
