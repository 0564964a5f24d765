import type { Event } from '@serviceops/kernel';
import type { CustomerChannel } from '@serviceops/contracts';

/** Personal fields are in clear here; the application seals them with the customer's key before storing. */
export type CustomerRegistered = Event<
  'CustomerRegistered',
  {
    customerId: string;
    channel: CustomerChannel;
    branchId?: string;
    registeredAt: string;
    name: string;
    phone?: string;
    email?: string;
    notes?: string;
  }
>;
export type CustomerContactsChanged = Event<
  'CustomerContactsChanged',
  { customerId: string; changedAt: string; phone?: string | null; email?: string | null }
>;

export type CustomerEvent = CustomerRegistered | CustomerContactsChanged;

/** The fields of each event that hold personal data. */
export const PERSONAL_FIELDS = ['name', 'phone', 'email', 'notes'] as const;
