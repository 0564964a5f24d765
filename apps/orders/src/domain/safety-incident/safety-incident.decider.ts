import { INCIDENT_FIELDS, PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { DomainError, streamId, type Decider, type Event } from '@serviceops/kernel';

/**
 * Safety incidents (issue 15 item 9): an accident or a sudden illness on the job, recorded with the emergency steps
 * taken (free text that may name people and their health: sealed) and published for the staff member's safety KPI.
 */
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
const E = IncidentErrorCode;

export type RecordSafetyIncident = {
  readonly type: 'RecordSafetyIncident';
  readonly data: {
    readonly incidentId: string;
    readonly staffId: string;
    readonly kind: IncidentKind;
    readonly occurredAt: string;
    readonly emergencySteps: string;
    readonly orderId: string | null;
  };
};

/** Published (SafetyIncidentRecordedV1, without the emergency steps, which stay sealed in orders). */
export type SafetyIncidentRecorded = Event<
  'SafetyIncidentRecorded',
  {
    incidentId: string;
    staffId: string;
    kind: IncidentKind;
    occurredAt: string;
    emergencySteps: string;
    orderId: string | null;
    recordedAt: string;
  }
>;
export type SafetyIncidentEvent = SafetyIncidentRecorded;
export type SafetyIncidentState =
  { readonly status: 'absent' } | ({ readonly status: 'recorded' } & SafetyIncidentRecorded['data']);

/** Per event type, the personal free text the application seals (with the staff member's key). */
export const INCIDENT_SEALED_PATHS = sealedPathsOf(
  ['SafetyIncidentRecorded'],
  PERSONAL_TEXT.safetyIncident,
) satisfies Record<SafetyIncidentEvent['type'], readonly string[]>;

export interface IncidentContext {
  readonly now: Date;
}

function decide(
  command: RecordSafetyIncident,
  state: SafetyIncidentState,
  { now }: IncidentContext,
): readonly SafetyIncidentEvent[] {
  if (state.status !== 'absent') throw new DomainError(E.INCIDENT_EXISTS, 'the incident is recorded already');
  const d = command.data;
  if (!(INCIDENT_KINDS as readonly string[]).includes(d.kind))
    throw new DomainError(E.INVALID_INCIDENT_KIND, `kind is one of ${INCIDENT_KINDS.join(', ')}`);
  // The same rule the gateway checks (INCIDENT_FIELDS), for gRPC callers.
  if (typeof d.emergencySteps !== 'string' || !INCIDENT_FIELDS.emergencySteps.accepts(d.emergencySteps))
    throw new DomainError(E.INVALID_TEXT, 'emergencySteps: the steps taken are required', {
      field: 'emergencySteps',
    });
  const occurred = Date.parse(d.occurredAt);
  if (Number.isNaN(occurred)) throw new DomainError(E.INVALID_TEXT, 'occurredAt is not an instant');
  if (occurred > now.getTime())
    throw new DomainError(E.INCIDENT_IN_FUTURE, 'the incident cannot have happened after now', {
      occurredAt: d.occurredAt,
    });
  return [
    {
      type: 'SafetyIncidentRecorded',
      data: { ...d, occurredAt: new Date(occurred).toISOString(), recordedAt: now.toISOString() },
    },
  ];
}

const evolve = (_s: SafetyIncidentState, e: SafetyIncidentEvent): SafetyIncidentState => ({
  status: 'recorded',
  ...e.data,
});

export const safetyIncidentDecider: Decider<
  RecordSafetyIncident,
  SafetyIncidentEvent,
  SafetyIncidentState,
  IncidentContext
> = { initialState: () => ({ status: 'absent' }), decide, evolve };

export const safetyIncidentStreamId = (tenantId: string, incidentId: string): string =>
  streamId('safety-incident', tenantId, incidentId);
