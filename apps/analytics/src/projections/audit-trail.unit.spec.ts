import type { DeliveredEvent } from '@serviceops/messaging';
import { AUDITED_SERVICES } from '../analytics.service-definition';
import { auditEntryOf } from './audit-trail.projection';

const TENANT = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const event = (streamId: string, type: string, data: object): DeliveredEvent => ({
  eventId: ID,
  streamId,
  streamVersion: 1,
  globalPosition: 1n,
  transactionId: 1n,
  schemaVersion: 1,
  type,
  data,
  metadata: { tenantId: TENANT },
  recordedAt: new Date(),
  topic: 'contracts.events.v1',
});

describe('the audit trail', () => {
  it('covers every service that publishes events, not itself', () => {
    expect([...AUDITED_SERVICES].sort()).toEqual(['contracts', 'customers', 'orders', 'staff', 'tenancy']);
  });

  it.each([
    ['customer-access', { customerId: ID, fields: ['name', 'phone'] }, 'customer', ['name', 'phone']],
    [
      'contract-access',
      { customerId: ID, fields: ['clauses', 'signers'] },
      'customer',
      ['clauses', 'signers'],
    ],
    ['staff-access', { personId: ID, fields: ['idNumber'] }, 'person', ['idNumber']],
  ])(
    'a clear read logged in %s belongs to the trail of the person read',
    (category, data, entity, fields) => {
      expect(auditEntryOf(event(`${category}-${TENANT}-${'a'.repeat(8)}`, 'PersonalDataRead', data))).toEqual(
        {
          entity,
          entityId: ID,
          fields,
        },
      );
    },
  );

  it('a change lists the fields it carries, not the ids', () => {
    expect(
      auditEntryOf(
        event(`contract-${TENANT}-${ID}`, 'ContractSigned', { contractId: ID, customerId: ID, signer: 'x' }),
      ),
    ).toEqual({ entity: 'contract', entityId: ID, fields: ['contractId', 'signer'] });
  });
});
