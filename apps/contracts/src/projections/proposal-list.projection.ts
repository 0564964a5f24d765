import type { DataSource } from 'typeorm';
import type { ProposalEvent } from '../domain/proposal/proposal.events';
import type { ProposalStatus } from '../domain/proposal/proposal.state';
import { ProposalListRow } from '../infrastructure/read-models';
import { forwardOnlyProjection } from './forward-only';

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
 * The proposal list from the service's own events. Rebuildable; only forward: a redelivered older event changes
 * nothing. It reads no sealed field (a decline's reason stays in the stream).
 */
export function proposalListProjection(dataSource: DataSource) {
  return forwardOnlyProjection<ProposalEvent, ProposalListRow>(dataSource, {
    entity: ProposalListRow,
    follows: (streamId) => streamId.startsWith('proposal-'),
    keyOf: (e) => ({ proposalId: e.data.proposalId }),
    apply: async (e, row, tenantId) => {
      if (e.type === 'ProposalCreated') {
        const { proposalId, offer, createdAt } = e.data;
        await row.create({
          proposalId,
          tenantId,
          customerId: offer.customerId,
          status: 'drafted',
          line: offer.line,
          kind: offer.kind,
          startDate: offer.startDate,
          endDate: offer.endDate,
          validUntil: offer.validUntil,
          createdAt: new Date(createdAt),
          contractId: null,
        });
        return;
      }
      const status = PROPOSAL_STATUS_AFTER[e.type];
      await row.advance({
        status,
        ...(e.type === 'ProposalAccepted' ? { contractId: e.data.contractId } : {}),
      });
    },
  });
}
