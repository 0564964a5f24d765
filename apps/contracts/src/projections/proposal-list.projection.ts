import type { DeliveredEvent } from '@serviceops/messaging';
import { entityManagerOn } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { LessThan, type DataSource } from 'typeorm';
import type { ProposalEvent } from '../domain/proposal/proposal.events';
import type { ProposalStatus } from '../domain/proposal/proposal.state';
import { ProposalListRow } from '../infrastructure/read-models';

export const PROPOSAL_LIST_CONSUMER = 'contracts-proposal-list';

/** The status each later event leaves a proposal in (as `evolveProposal` has it; a new event fails to compile). */
export const PROPOSAL_STATUS_AFTER: Readonly<
  Record<Exclude<ProposalEvent['type'], 'ProposalCreated'>, ProposalStatus>
> = {
  ProposalSent: 'sent',
  ProposalAccepted: 'accepted',
  ProposalDeclined: 'declined',
  ProposalExpired: 'expired',
};

/**
 * The proposal list from the service's own events. Rebuildable; a replayed event changes nothing. It reads
 * no sealed field (a decline's reason stays in the stream).
 */
export function proposalListProjection(dataSource: DataSource) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId || !event.streamId.startsWith('proposal-')) return;
    const rows = entityManagerOn(dataSource, tx).getRepository(ProposalListRow);
    const version = event.streamVersion;
    const e = { type: event.type, data: event.data } as ProposalEvent;
    if (e.type === 'ProposalCreated') {
      const { proposalId, offer, createdAt } = e.data;
      // A replayed creation leaves a row that has moved on alone.
      await rows
        .createQueryBuilder()
        .insert()
        .values({
          proposalId,
          tenantId,
          customerId: offer.customerId,
          version,
          status: 'drafted',
          line: offer.line,
          kind: offer.kind,
          startDate: offer.startDate,
          endDate: offer.endDate,
          validUntil: offer.validUntil,
          createdAt: new Date(createdAt),
          contractId: null,
        })
        .orIgnore()
        .execute();
      return;
    }
    const status = PROPOSAL_STATUS_AFTER[e.type];
    if (status === undefined) return;
    // Only forward: a redelivered older event does not undo a later one.
    await rows.update(
      { proposalId: e.data.proposalId, version: LessThan(version) },
      { version, status, ...(e.type === 'ProposalAccepted' ? { contractId: e.data.contractId } : {}) },
    );
  };
}
