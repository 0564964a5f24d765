import { INCIDENT_FIELDS } from '@serviceops/contracts';
import { type Caller, type Event, useCase } from '@serviceops/kernel';
import {
  type IncidentContext,
  IncidentErrorCode as E,
  incidentError,
  INCIDENT_KINDS,
  type IncidentKind,
  type SafetyIncidentState,
} from './safety-incident.state';

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

/** The request as the proto decodes it (proto3: unset strings absent). */
interface RecordSafetyIncidentRequest {
  readonly staffId?: string;
  readonly kind?: string;
  readonly occurredAt?: string;
  readonly emergencySteps?: string;
  readonly orderId?: string;
}

/**
 * An accident or a sudden illness on the job, after it happened, with the emergency steps taken (its handler seals
 * the steps with the staff member's key and checks the ids: application/orders-field.incident.handlers.ts).
 */
export const recordSafetyIncident = useCase<
  RecordSafetyIncident,
  SafetyIncidentRecorded,
  SafetyIncidentState,
  IncidentContext
>({
  command: 'RecordSafetyIncident',
  handles: {
    rpc: 'orders.RecordSafetyIncident',
    command: (request: RecordSafetyIncidentRequest, { newId }: Caller) => ({
      type: 'RecordSafetyIncident',
      data: {
        incidentId: newId,
        staffId: (request.staffId ?? '').toLowerCase(),
        kind: (request.kind ?? '') as IncidentKind,
        occurredAt: request.occurredAt ?? '',
        emergencySteps: request.emergencySteps ?? '',
        orderId: request.orderId === undefined ? null : request.orderId.toLowerCase(),
      },
    }),
  },
  decide(command, state, { now }) {
    if (state.status !== 'absent') throw incidentError(E.INCIDENT_EXISTS, 'the incident is recorded already');
    const d = command.data;
    if (!(INCIDENT_KINDS as readonly string[]).includes(d.kind))
      throw incidentError(E.INVALID_INCIDENT_KIND, `kind is one of ${INCIDENT_KINDS.join(', ')}`);
    // The same rule the gateway checks (INCIDENT_FIELDS), for gRPC callers.
    if (typeof d.emergencySteps !== 'string' || !INCIDENT_FIELDS.emergencySteps.accepts(d.emergencySteps))
      throw incidentError(E.INVALID_TEXT, 'emergencySteps: the steps taken are required', {
        field: 'emergencySteps',
      });
    const occurred = Date.parse(d.occurredAt);
    if (Number.isNaN(occurred)) throw incidentError(E.INVALID_TEXT, 'occurredAt is not an instant');
    if (occurred > now.getTime())
      throw incidentError(E.INCIDENT_IN_FUTURE, 'the incident cannot have happened after now', {
        occurredAt: d.occurredAt,
      });
    return [
      {
        type: 'SafetyIncidentRecorded',
        data: { ...d, occurredAt: new Date(occurred).toISOString(), recordedAt: now.toISOString() },
      },
    ];
  },
  evolve: {
    SafetyIncidentRecorded: (_state, event) => ({ status: 'recorded', ...event.data }),
  },
});
