import { Inject, Injectable } from '@nestjs/common';
import { seesPersonalData } from '@serviceops/contracts';
import { type Clock, DomainError } from '@serviceops/kernel';
import {
  EventSourcingRuntime,
  execute,
  Handles,
  HandlesUseCase,
  isSealed,
  mapSealed,
  PersonalDataCipher,
  type CallContext,
  type EventCodec,
} from '@serviceops/platform';
import {
  INCIDENT_SEALED_PATHS,
  IncidentErrorCode,
  safetyIncidentDecider,
  safetyIncidentStreamId,
  type RecordSafetyIncident,
  type SafetyIncidentEvent,
  type SafetyIncidentState,
} from '../domain/safety-incident/safety-incident.decider';
import { recordSafetyIncident } from '../domain/safety-incident/record-safety-incident';
import { checkBodyIds } from './body-ids';
import { CLOCK } from './order-store';

/** A safety incident as the API answers it (the proto's SafetyIncident). */
export interface SafetyIncidentView {
  readonly id: string;
  readonly version: number;
  readonly staffId: string;
  readonly kind: string;
  readonly occurredAt: string;
  readonly emergencySteps?: string;
  readonly orderId?: string;
  readonly recordedAt: string;
  readonly masked: boolean;
}

function viewOf(state: SafetyIncidentState, version: number, clear: boolean): SafetyIncidentView {
  if (state.status === 'absent')
    throw new DomainError(IncidentErrorCode.INCIDENT_NOT_FOUND, 'no such incident');
  const steps = clear && !isSealed(state.emergencySteps) ? { emergencySteps: state.emergencySteps } : {};
  return {
    id: state.incidentId,
    version,
    staffId: state.staffId,
    kind: state.kind,
    occurredAt: state.occurredAt,
    ...steps,
    ...(state.orderId ? { orderId: state.orderId } : {}),
    recordedAt: state.recordedAt,
    masked: !clear,
  };
}

/**
 * Safety incidents: recorded with the emergency steps sealed under the staff member's data key (erasing their
 * personal data makes the steps unreadable; the incident, its kind and time stay for the KPI), published as
 * SafetyIncidentRecorded for the staff safety KPI.
 */
@Injectable()
export class SafetyIncidentHandlers {
  constructor(
    private readonly runtime: EventSourcingRuntime,
    private readonly cipher: PersonalDataCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private codec(staffId: string, key: Buffer | undefined): EventCodec<SafetyIncidentEvent> {
    const { cipher } = this;
    return {
      encode: (e) => {
        if (!key) throw new Error(`no data key for ${staffId}`);
        return {
          type: e.type,
          data: mapSealed(e.data, INCIDENT_SEALED_PATHS[e.type], (v) => cipher.seal(key, staffId, v)),
        };
      },
      decode: (stored) => {
        const e = stored as unknown as SafetyIncidentEvent;
        return {
          ...e,
          data: mapSealed(e.data, INCIDENT_SEALED_PATHS[e.type] ?? [], (v) =>
            key && isSealed(v) ? cipher.open(key, staffId, v) : v,
          ),
        };
      },
    };
  }

  /** A new incident: its emergency steps sealed with the staff member's key (`codec`) on their way in. */
  @HandlesUseCase(recordSafetyIncident)
  async record(
    command: RecordSafetyIncident,
    _request: object,
    call: CallContext,
  ): Promise<SafetyIncidentView> {
    const { incidentId, staffId } = command.data;
    checkBodyIds(command.data, 'staffId', 'orderId');
    const codec = this.codec(staffId, await this.cipher.keyFor(staffId));
    const done = await this.runtime.timed('RecordSafetyIncident', () =>
      execute(
        this.runtime.store,
        safetyIncidentDecider,
        safetyIncidentStreamId(call.tenantId, incidentId),
        command,
        { now: this.clock.now() },
        call,
        { codec, newStream: true },
      ),
    );
    return viewOf(done.state, done.version, seesPersonalData(call.roles));
  }

  @Handles('orders.GetSafetyIncident')
  async get({ id }: { id: string }, call: CallContext): Promise<SafetyIncidentView> {
    const { events } = await this.runtime.store.readStream(safetyIncidentStreamId(call.tenantId, id));
    const first = events[0] as unknown as SafetyIncidentEvent | undefined;
    if (!first) throw new DomainError(IncidentErrorCode.INCIDENT_NOT_FOUND, 'no such incident');
    const codec = this.codec(first.data.staffId, await this.cipher.load(first.data.staffId));
    const state = events
      .map((e) => codec.decode(e))
      .reduce(safetyIncidentDecider.evolve, safetyIncidentDecider.initialState());
    return viewOf(state, events.at(-1)?.streamVersion ?? 0, seesPersonalData(call.roles));
  }
}
