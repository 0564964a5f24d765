import { PERSONAL_TEXT, sealedPathsOf, type BusinessLine } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';
import type { RequestKind, ServiceType, Slot, Zone } from './order.commands';

// Instants are ISO-8601 strings (UTC). Free text is in clear here: the application seals SEALED_PATHS.

export type RequestRegistered = Event<
  'RequestRegistered',
  {
    orderId: string;
    customerId: string;
    line: BusinessLine;
    kind: RequestKind;
    serviceType: ServiceType;
    wantedAt: string;
    zone: Zone;
    address: string;
    subject: string;
    problem: string;
    contractId?: string;
    /** Paid work waits for a quote the customer accepts; contract and warranty work does not. */
    quoteRequired: boolean;
    receivedAt: string;
    /** receivedAt + the policy's first-response hours (wall clock). */
    responseDueAt: string;
    /** The policy's working hours to arrival for this zone: the SLA is recounted from it with the calendar in force. */
    arrivalWithinBusinessHours: number;
    /** As counted at registration (the read model recounts it when the calendar changes). */
    arrivalDueAt: string;
    policyVersion: number;
  }
>;
export type RequestResponded = Event<
  'RequestResponded',
  { orderId: string; respondedAt: string; late: boolean }
>;
/** Escalation: the request had no first response in time (to the service director). */
export type RequestResponseOverdue = Event<
  'RequestResponseOverdue',
  { orderId: string; customerId: string; responseDueAt: string; escalatedAt: string }
>;
export type OrderDispatched = Event<
  'OrderDispatched',
  { orderId: string; staffId: string; resourceId?: string; slot: Slot; dispatchedAt: string }
>;

/** Escalation to the service director: the order is about to miss (or missed) its arrival time. */
export type OrderArrivalAtRisk = Event<
  'OrderArrivalAtRisk',
  { orderId: string; arrivalDueAt: string; state: 'at_risk' | 'missed'; escalatedAt: string }
>;

export type OrderEvent =
  RequestRegistered | RequestResponded | RequestResponseOverdue | OrderDispatched | OrderArrivalAtRisk;

/** Per event type, the personal free text the application seals with the customer's key. */
export const SEALED_PATHS = sealedPathsOf(
  [
    'RequestRegistered',
    'RequestResponded',
    'RequestResponseOverdue',
    'OrderDispatched',
    'OrderArrivalAtRisk',
  ],
  PERSONAL_TEXT.order,
) satisfies Record<OrderEvent['type'], readonly string[]>;
