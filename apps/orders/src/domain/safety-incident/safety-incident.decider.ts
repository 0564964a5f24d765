import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import { recordSafetyIncident } from './record-safety-incident';
import {
  type IncidentContext,
  initialSafetyIncidentState,
  type SafetyIncidentState,
} from './safety-incident.state';

export type { RecordSafetyIncident, SafetyIncidentRecorded } from './record-safety-incident';
export * from './safety-incident.state';

/**
 * Safety incidents (issue 15 item 9): an accident or a sudden illness on the job, recorded with the emergency steps
 * taken (free text that may name people and their health: sealed) and published for the staff member's safety KPI.
 * The list of its use cases (one: recording it), a file each beside this one.
 */
export const SAFETY_INCIDENT_USE_CASES = [recordSafetyIncident] as const;

export type SafetyIncidentCommand = CommandOf<typeof SAFETY_INCIDENT_USE_CASES>;
export type SafetyIncidentEvent = EventOf<typeof SAFETY_INCIDENT_USE_CASES>;

export const safetyIncidentDecider = deciderOf<
  typeof SAFETY_INCIDENT_USE_CASES,
  SafetyIncidentState,
  IncidentContext
>(initialSafetyIncidentState, SAFETY_INCIDENT_USE_CASES);

/** Per event type, the personal free text the application seals (with the staff member's key). */
export const INCIDENT_SEALED_PATHS = sealedPathsOf(
  ['SafetyIncidentRecorded'],
  PERSONAL_TEXT.safetyIncident,
) satisfies Record<SafetyIncidentEvent['type'], readonly string[]>;

export const safetyIncidentStreamId = (tenantId: string, incidentId: string): string =>
  streamId('safety-incident', tenantId, incidentId);
