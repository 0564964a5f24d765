import { CUSTOMER_FILE_SEALED, type BusinessLine, type CustomerChannel } from '@serviceops/contracts';
import type { Event, Gender } from '@serviceops/kernel';

export { GENDERS, type Gender } from '@serviceops/kernel';

/** What the customer needs and prefers in one business line. */
export interface CustomerNeed {
  readonly line: BusinessLine;
  readonly needs?: string;
  readonly preferences?: string;
}

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

/** `null` removed a contact. */
export type CustomerContactsChanged = Event<
  'CustomerContactsChanged',
  {
    customerId: string;
    changedAt: string;
    phone?: string | null;
    email?: string | null;
    address?: string | null;
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

/** On the duplicate's stream: it was merged into the survivor (its own history stays). */
export type CustomerMerged = Event<
  'CustomerMerged',
  { customerId: string; survivorId: string; mergedAt: string }
>;
/** On the survivor's stream: a duplicate was merged into it. */
export type DuplicateAbsorbed = Event<
  'DuplicateAbsorbed',
  { customerId: string; duplicateId: string; mergedAt: string }
>;
export type CustomerMergeUndone = Event<
  'CustomerMergeUndone',
  { customerId: string; survivorId: string; undoneAt: string }
>;
export type DuplicateReleased = Event<
  'DuplicateReleased',
  { customerId: string; duplicateId: string; undoneAt: string }
>;

/** The person asked to be forgotten: their data key is destroyed with this event. */
export type CustomerErased = Event<'CustomerErased', { customerId: string; erasedAt: string }>;

export type CustomerEvent =
  | CustomerRegistered
  | CustomerContactsChanged
  | CustomerFileUpdated
  | CustomerMerged
  | DuplicateAbsorbed
  | CustomerMergeUndone
  | DuplicateReleased
  | CustomerErased;

/**
 * Where personal data sits in the customer's events: sealed with the customer's key in storage (the one list in
 * libs/contracts, `CUSTOMER_FILE_SEALED`, which the event classification test reads too).
 */
export const CUSTOMER_SEALED_PATHS = CUSTOMER_FILE_SEALED;
