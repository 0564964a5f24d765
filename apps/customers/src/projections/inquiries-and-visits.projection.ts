import { entityManagerOn } from '@serviceops/platform';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { InquiryEvent } from '../domain/inquiry/inquiry.events';
import type { ReturnVisitEvent } from '../domain/return-visit/return-visit.events';
import { InquiryListRow, ReturnVisitListRow } from '../infrastructure/read-models';

/** The inquiry and return-visit lists from customers' own events (subjects, service refs copied sealed). Rebuildable. */
export function inquiriesAndVisitsProjection(dataSource: DataSource) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId) return;
    const manager = entityManagerOn(dataSource, tx);
    const inquiries = manager.getRepository(InquiryListRow);
    const visits = manager.getRepository(ReturnVisitListRow);
    const version = event.streamVersion;
    if (event.type === 'CustomerErased') {
      // Unreadable already (the key is gone); dropped from the list too.
      const { customerId } = event.data as { customerId: string };
      await inquiries.update({ customerId }, { subject: null });
      await visits.update({ customerId }, { serviceRef: null });
      return;
    }
    const e = { type: event.type, data: event.data } as InquiryEvent | ReturnVisitEvent;
    switch (e.type) {
      case 'InquiryReceived':
        await inquiries.upsert(
          {
            inquiryId: e.data.inquiryId,
            tenantId,
            customerId: e.data.customerId,
            version,
            status: 'open',
            channel: e.data.channel,
            subject: e.data.subject,
            receivedAt: new Date(e.data.receivedAt),
            replyDueAt: e.data.replyDueAt ? new Date(e.data.replyDueAt) : null,
            answeredAt: null,
            late: null,
            overdueAt: null,
            handedOffAt: null,
            policyVersion: e.data.policyVersion,
          },
          ['inquiryId'],
        );
        return;
      case 'InquiryAnswered':
        await inquiries.update(
          { inquiryId: e.data.inquiryId },
          { version, status: 'answered', answeredAt: new Date(e.data.answeredAt), late: e.data.late },
        );
        return;
      case 'InquiryWentOverdue':
        await inquiries.update(
          { inquiryId: e.data.inquiryId },
          { version, status: 'overdue', overdueAt: new Date(e.data.overdueAt) },
        );
        return;
      case 'InquiryHandedOff':
        await inquiries.update(
          { inquiryId: e.data.inquiryId },
          { version, status: 'handed_off', handedOffAt: new Date(e.data.handedOffAt) },
        );
        return;
      case 'ReturnVisitScheduled':
        await visits.upsert(
          {
            visitId: e.data.visitId,
            tenantId,
            customerId: e.data.customerId,
            version,
            status: 'scheduled',
            reason: e.data.reason,
            dueOn: e.data.dueOn,
            serviceRef: e.data.serviceRef ?? null,
            scheduledAt: new Date(e.data.scheduledAt),
            outcome: null,
            satisfaction: null,
            recordedAt: null,
            cancelledAt: null,
            policyVersion: e.data.policyVersion,
          },
          ['visitId'],
        );
        return;
      case 'ReturnVisitRecorded':
        await visits.update(
          { visitId: e.data.visitId },
          {
            version,
            status: 'done',
            outcome: e.data.outcome,
            satisfaction: e.data.satisfaction ?? null,
            recordedAt: new Date(e.data.recordedAt),
          },
        );
        return;
      case 'ReturnVisitCancelled':
        await visits.update(
          { visitId: e.data.visitId },
          { version, status: 'cancelled', cancelledAt: new Date(e.data.cancelledAt) },
        );
        return;
      default:
        return;
    }
  };
}
