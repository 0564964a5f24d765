import { ProblemError } from '@serviceops/platform';
import type { CustomerNeed } from '../domain/customer/customer.events';
import type { CustomerState } from '../domain/customer/customer.state';
import { MASK, maskBirthDate, maskEmail, maskIdNumber, maskName, maskPhone, revealer } from './masking';

export interface CustomerView {
  readonly id: string;
  readonly version: number;
  readonly status: 'active' | 'merged' | 'erased';
  readonly name?: string;
  readonly gender?: string;
  readonly birthDate?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
  readonly idNumber?: string;
  readonly needs: readonly CustomerNeed[];
  readonly notes?: string;
  readonly channel: string;
  readonly branchId?: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly masked: boolean;
  readonly mergedInto?: string;
  readonly mergedFrom: readonly string[];
  readonly erasedAt?: string;
}

export type PersonalView = Partial<Record<Exclude<keyof PersonalFields, 'needs'>, string>> & {
  needs: CustomerNeed[];
};

/** The personal fields of a customer as stored or decided (clear, or still sealed when the key is gone). */
export interface PersonalFields {
  readonly name?: string | null;
  readonly gender?: string | null;
  readonly birthDate?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly address?: string | null;
  readonly idNumber?: string | null;
  readonly notes?: string | null;
  readonly needs?: readonly CustomerNeed[] | null;
}

const MASKS: Readonly<Record<Exclude<keyof PersonalFields, 'needs'>, (v: string) => string>> = {
  name: maskName,
  gender: () => MASK,
  birthDate: maskBirthDate,
  phone: maskPhone,
  email: maskEmail,
  address: () => MASK,
  idNumber: maskIdNumber,
  notes: () => MASK,
};

/**
 * The personal fields as the caller may see them: in clear, or masked. Values still sealed (a destroyed key)
 * are never shown. Answers which fields were shown in clear (to record the read).
 */
export function personalView(
  fields: PersonalFields,
  clear: boolean,
): { view: PersonalView; shown: string[] } {
  const { reveal, shown } = revealer(clear);
  const view: Record<string, string> = {};
  for (const [field, mask] of Object.entries(MASKS)) {
    const value = reveal(fields[field as keyof typeof MASKS], field, mask);
    if (value !== undefined) view[field] = value;
  }
  const needs = (fields.needs ?? []).map((need) => {
    const needsText = reveal(need.needs, 'needs');
    const preferences = reveal(need.preferences, 'needs');
    return {
      line: need.line,
      ...(needsText !== undefined ? { needs: needsText } : {}),
      ...(preferences !== undefined ? { preferences } : {}),
    };
  });
  return { view: { ...view, needs }, shown: shown() };
}

export function toCustomerView(
  state: CustomerState,
  version: number,
  clear: boolean,
): { view: CustomerView; shown: string[] } {
  if (state.status === 'absent') throw new ProblemError('CUSTOMERS.CUSTOMER_NOT_FOUND', 'no such customer');
  const common = {
    id: state.customerId,
    version,
    status: state.status,
    channel: state.channel,
    ...(state.branchId ? { branchId: state.branchId } : {}),
    registeredAt: state.registeredAt,
    updatedAt: state.updatedAt,
    mergedFrom: state.mergedFrom,
  };
  if (state.status === 'erased')
    return { view: { ...common, needs: [], masked: false, erasedAt: state.erasedAt }, shown: [] };
  const { view, shown } = personalView(state, clear);
  return {
    view: {
      ...common,
      ...view,
      masked: !clear,
      ...(state.status === 'merged' ? { mergedInto: state.mergedInto } : {}),
    },
    shown,
  };
}
