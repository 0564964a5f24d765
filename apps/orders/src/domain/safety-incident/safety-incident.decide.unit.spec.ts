import { deciderSpec } from '@serviceops/testing';
import {
  INCIDENT_SEALED_PATHS,
  safetyIncidentDecider,
  type RecordSafetyIncident,
  type SafetyIncidentEvent,
} from './safety-incident.decider';

const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const STAFF = '2b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const now = new Date('2026-03-02T10:00:00.000Z');
const spec = (given: readonly SafetyIncidentEvent[]) =>
  deciderSpec(safetyIncidentDecider, { now }).given(given);
const record = (over: Partial<RecordSafetyIncident['data']> = {}): RecordSafetyIncident => ({
  type: 'RecordSafetyIncident',
  data: {
    incidentId: ID,
    staffId: STAFF,
    kind: 'sudden_illness',
    occurredAt: '2026-03-02T09:30:00.000Z',
    emergencySteps: 'Learner felt faint; stopped the car, called 120, stayed until the ambulance came',
    orderId: null,
    ...over,
  },
});
const recorded = (over: Partial<RecordSafetyIncident['data']> = {}): SafetyIncidentEvent => ({
  type: 'SafetyIncidentRecorded',
  data: { ...record(over).data, recordedAt: now.toISOString() },
});

describe('RecordSafetyIncident', () => {
  it.each(['accident', 'sudden_illness'] as const)('records a %s with the steps taken', (kind) => {
    spec([])
      .when(record({ kind }))
      .then([recorded({ kind })]);
  });

  it.each([
    ['an unknown kind', record({ kind: 'fire' as never }), 'ORDERS.INVALID_INCIDENT_KIND'],
    ['no steps', record({ emergencySteps: '   ' }), 'ORDERS.INVALID_TEXT'],
    ['a time that is not one', record({ occurredAt: 'yesterday' }), 'ORDERS.INVALID_TEXT'],
    [
      'an incident after now',
      record({ occurredAt: '2026-03-02T10:00:00.001Z' }),
      'ORDERS.INCIDENT_IN_FUTURE',
    ],
  ])('refuses %s', (_case, command, code) => {
    spec([]).when(command).thenThrows(code);
  });

  it('accepts one that happened just now', () => {
    spec([])
      .when(record({ occurredAt: now.toISOString() }))
      .then([recorded({ occurredAt: now.toISOString() })]);
  });

  it('records an incident once', () =>
    spec([recorded()]).when(record()).thenThrows('ORDERS.INCIDENT_EXISTS'));

  it('seals the emergency steps', () => {
    expect(INCIDENT_SEALED_PATHS).toEqual({ SafetyIncidentRecorded: ['emergencySteps'] });
  });
});
