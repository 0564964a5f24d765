import type { BusinessLine, CustomerChannel } from '@serviceops/contracts';
import type { Gender } from '@serviceops/kernel';

export { GENDERS, type Gender } from '@serviceops/kernel';

/** What the customer needs and prefers in one business line. */
export interface CustomerNeed {
  readonly line: BusinessLine;
  readonly needs?: string;
  readonly preferences?: string;
}

/** The customer file's fields (personal ones in clear, as the domain sees them). */
export interface CustomerFile {
  readonly customerId: string;
  readonly name: string;
  readonly gender?: Gender;
  readonly birthDate?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
  readonly idNumber?: string;
  readonly needs?: readonly CustomerNeed[];
  readonly notes?: string;
  readonly channel: CustomerChannel;
  readonly branchId?: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
  /** Duplicates merged into this customer. */
  readonly mergedFrom: readonly string[];
}

export type CustomerState =
  | { readonly status: 'absent' }
  | ({ readonly status: 'active' } & CustomerFile)
  /** Merged into `mergedInto`: the file is kept so the merge can be undone. */
  | ({ readonly status: 'merged'; readonly mergedInto: string } & CustomerFile)
  /** Forgotten: only what is not personal remains. */
  | {
      readonly status: 'erased';
      readonly customerId: string;
      readonly channel: CustomerChannel;
      readonly branchId?: string;
      readonly registeredAt: string;
      readonly updatedAt: string;
      readonly erasedAt: string;
      readonly mergedFrom: readonly string[];
    };

export const initialCustomerState = (): CustomerState => ({ status: 'absent' });

/** A customer found with the same phone, email or ID number. */
export interface DuplicateCandidate {
  readonly id: string;
  readonly matchedOn: readonly ('phone' | 'email' | 'idNumber')[];
}

/** What the customer's decisions take from outside the domain. */
export interface CustomerContext {
  readonly now: Date;
  /** Branches of the tenant, when known: a customer's branch must be one of them. */
  readonly branchIds?: readonly string[];
  /** Likely duplicates of a customer being registered. */
  readonly duplicates?: readonly DuplicateCandidate[];
  /** The other side of a merge or its undoing. */
  readonly counterpart?: CustomerState;
}
