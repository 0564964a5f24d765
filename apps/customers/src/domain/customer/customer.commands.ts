import type { CustomerChannel } from '@serviceops/contracts';
import type { CustomerNeed, Gender } from './customer.events';
import type { CustomerState } from './customer.state';

export interface RegisterCustomer {
  readonly type: 'RegisterCustomer';
  readonly data: {
    readonly customerId: string;
    readonly name: string;
    readonly channel: CustomerChannel;
    readonly branchId?: string;
    readonly gender?: Gender;
    readonly birthDate?: string;
    readonly phone?: string;
    readonly email?: string;
    readonly address?: string;
    readonly idNumber?: string;
    readonly needs?: readonly CustomerNeed[];
    readonly notes?: string;
    /** Register even though likely duplicates exist (the context names them). */
    readonly confirmDuplicate?: boolean;
  };
}

/** `null` removes a contact; an absent field leaves it as it is. */
export interface ChangeCustomerContacts {
  readonly type: 'ChangeCustomerContacts';
  readonly data: {
    readonly customerId: string;
    readonly phone?: string | null;
    readonly email?: string | null;
    readonly address?: string | null;
  };
}

/** `null` removes a field (not the name); `needs` replaces the needs of every line. */
export interface UpdateCustomerFile {
  readonly type: 'UpdateCustomerFile';
  readonly data: {
    readonly customerId: string;
    readonly name?: string;
    readonly gender?: Gender | null;
    readonly birthDate?: string | null;
    readonly idNumber?: string | null;
    readonly notes?: string | null;
    readonly needs?: readonly CustomerNeed[];
  };
}

/** On the survivor: take the duplicate in. The context carries the duplicate's state. */
export interface AbsorbDuplicate {
  readonly type: 'AbsorbDuplicate';
  readonly data: { readonly customerId: string; readonly duplicateId: string };
}

/** On the duplicate: be merged into the survivor. The context carries the survivor's state. */
export interface MergeInto {
  readonly type: 'MergeInto';
  readonly data: { readonly customerId: string; readonly survivorId: string };
}

export interface ReleaseDuplicate {
  readonly type: 'ReleaseDuplicate';
  readonly data: { readonly customerId: string; readonly duplicateId: string };
}

export interface UndoMerge {
  readonly type: 'UndoMerge';
  readonly data: { readonly customerId: string; readonly survivorId: string };
}

export interface EraseCustomer {
  readonly type: 'EraseCustomer';
  readonly data: {
    readonly customerId: string;
    readonly reason: string;
    /** Set when a survivor's erasure takes its merged duplicates along (the same person). */
    readonly withSurvivor?: string;
  };
}

export type CustomerCommand =
  | RegisterCustomer
  | ChangeCustomerContacts
  | UpdateCustomerFile
  | AbsorbDuplicate
  | MergeInto
  | ReleaseDuplicate
  | UndoMerge
  | EraseCustomer;

/** A customer found with the same phone, email or ID number. */
export interface DuplicateCandidate {
  readonly id: string;
  readonly matchedOn: readonly ('phone' | 'email' | 'idNumber')[];
}

export interface CustomerContext {
  readonly now: Date;
  /** Branches of the tenant, when known: a customer's branch must be one of them. */
  readonly branchIds?: readonly string[];
  /** Likely duplicates of a customer being registered. */
  readonly duplicates?: readonly DuplicateCandidate[];
  /** The other side of a merge or its undoing. */
  readonly counterpart?: CustomerState;
}
