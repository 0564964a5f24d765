import { entityManagerOn } from '@serviceops/platform';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { CustomerEvent } from '../domain/customer/customer.events';
import { CustomerListRow } from '../infrastructure/read-models';

type Row = Partial<CustomerListRow>;

/** The events that change what the list shows; any other of the customer's only moves the row's version. */
const LISTED = [
  'CustomerRegistered',
  'CustomerContactsChanged',
  'CustomerFileUpdated',
  'DuplicateAbsorbed',
  'DuplicateReleased',
  'CustomerMerged',
  'CustomerMergeUndone',
  'CustomerErased',
] as const satisfies readonly CustomerEvent['type'][];
type ListedEvent = Extract<CustomerEvent, { type: (typeof LISTED)[number] }>;

/** Changes where null removed a field and undefined left it (sealed values are copied sealed). */
function changes(data: Record<string, unknown>, columns: readonly (keyof CustomerListRow)[]): Row {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const value = data[column];
    if (value === undefined) continue;
    out[column] = value === null || (Array.isArray(value) && value.length === 0) ? null : value;
  }
  return out;
}

/** The customer list from customers' own events: sealed fields are copied sealed. Rebuildable from zero. */
export function customerListProjection(dataSource: DataSource) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId || !event.streamId.startsWith('customer-') || event.streamId.startsWith('customer-access-'))
      return;
    const rows = entityManagerOn(dataSource, tx).getRepository(CustomerListRow);
    const update = (customerId: string, row: Row) =>
      rows.update({ customerId }, { version: event.streamVersion, ...row });
    // An event that changes nothing the list shows (a use case added since, decision 61): the row still takes the
    // stream's version, which callers send back as If-Match.
    if (!(LISTED as readonly string[]).includes(event.type)) {
      await update((event.data as CustomerEvent['data']).customerId, {});
      return;
    }
    const e = { type: event.type, data: event.data } as ListedEvent;
    switch (e.type) {
      case 'CustomerRegistered': {
        const d = e.data;
        await rows.upsert(
          {
            customerId: d.customerId,
            tenantId,
            version: event.streamVersion,
            status: 'active',
            channel: d.channel,
            branchId: d.branchId ?? null,
            name: d.name,
            gender: d.gender ?? null,
            birthDate: d.birthDate ?? null,
            phone: d.phone ?? null,
            email: d.email ?? null,
            address: d.address ?? null,
            idNumber: d.idNumber ?? null,
            needs: d.needs?.length ? [...d.needs] : null,
            notes: d.notes ?? null,
            mergedInto: null,
            mergedFrom: [],
            erasedAt: null,
            registeredAt: new Date(d.registeredAt),
            updatedAt: new Date(d.registeredAt),
          },
          ['customerId'],
        );
        return;
      }
      case 'CustomerContactsChanged':
        await update(e.data.customerId, {
          updatedAt: new Date(e.data.changedAt),
          ...changes(e.data, ['phone', 'email', 'address']),
        });
        return;
      case 'CustomerFileUpdated':
        await update(e.data.customerId, {
          updatedAt: new Date(e.data.updatedAt),
          ...changes(e.data, ['name', 'gender', 'birthDate', 'idNumber', 'notes', 'needs']),
        });
        return;
      case 'DuplicateAbsorbed':
        await tx.query(
          `UPDATE customers.customer_list SET version = $2, updated_at = $3,
             merged_from = array_append(array_remove(merged_from, $4::uuid), $4::uuid) WHERE customer_id = $1`,
          [e.data.customerId, event.streamVersion, e.data.mergedAt, e.data.duplicateId],
        );
        return;
      case 'DuplicateReleased':
        await tx.query(
          `UPDATE customers.customer_list SET version = $2, updated_at = $3, merged_from = array_remove(merged_from, $4::uuid)
           WHERE customer_id = $1`,
          [e.data.customerId, event.streamVersion, e.data.undoneAt, e.data.duplicateId],
        );
        return;
      case 'CustomerMerged':
        await update(e.data.customerId, {
          status: 'merged',
          mergedInto: e.data.survivorId,
          updatedAt: new Date(e.data.mergedAt),
        });
        return;
      case 'CustomerMergeUndone':
        await update(e.data.customerId, {
          status: 'active',
          mergedInto: null,
          updatedAt: new Date(e.data.undoneAt),
        });
        return;
      case 'CustomerErased':
        // The values are unreadable already (the key is gone); they are dropped from the read model as well.
        await update(e.data.customerId, {
          status: 'erased',
          erasedAt: new Date(e.data.erasedAt),
          updatedAt: new Date(e.data.erasedAt),
          name: null,
          gender: null,
          birthDate: null,
          phone: null,
          email: null,
          address: null,
          idNumber: null,
          needs: null,
          notes: null,
        });
        return;
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  };
}
