import { DomainError } from '@serviceops/kernel';

// A safety incident's state, its vocabulary, codes and the context its one use case decides in
// (record-safety-incident.ts, which declares its command and event); the decider is safety-incident.decider.ts.

export const INCIDENT_KINDS = ['accident', 'sudden_illness'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const IncidentErrorCode = {
  INCIDENT_NOT_FOUND: 'ORDERS.INCIDENT_NOT_FOUND',
  INCIDENT_EXISTS: 'ORDERS.INCIDENT_EXISTS',
  INVALID_INCIDENT_KIND: 'ORDERS.INVALID_INCIDENT_KIND',
  INVALID_TEXT: 'ORDERS.INVALID_TEXT',
  /** An incident is recorded after it happened, not ahead of it. */
  INCIDENT_IN_FUTURE: 'ORDERS.INCIDENT_IN_FUTURE',
} as const;

/** A refusal of the incident's, with its code. */
export const incidentError = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, message, details);

export interface RecordedIncident {
  readonly incidentId: string;
  readonly staffId: string;
  readonly kind: IncidentKind;
  readonly occurredAt: string;
  readonly emergencySteps: string;
  readonly orderId: string | null;
  readonly recordedAt: string;
}
export type SafetyIncidentState =
  { readonly status: 'absent' } | ({ readonly status: 'recorded' } & RecordedIncident);

export interface IncidentContext {
  readonly now: Date;
}

export const initialSafetyIncidentState = (): SafetyIncidentState => ({ status: 'absent' });
