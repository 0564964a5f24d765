import type { AppealDecidedV1, RewardGrantedV1, ViolationRecordedV1 } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';

// The register's events are what the service publishes (libs/contracts events/staff-conduct.events.ts): one shape.
// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

export type ViolationRecorded = Event<'ViolationRecorded', ViolationRecordedV1>;
export type AppealDecided = Event<'AppealDecided', AppealDecidedV1>;
export type RewardGranted = Event<'RewardGranted', RewardGrantedV1>;

export type DisciplineEvent = ViolationRecorded | AppealDecided | RewardGranted;
