import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { amendContract } from './amend-contract';
import { approveContract } from './approve-contract';
import { archiveContract } from './archive-contract';
import { closeRenewalFollowUp } from './close-renewal-follow-up';
import { initialContractState, type ContractContext, type ContractState } from './contract.state';
import { draftContract } from './draft-contract';
import { expireContract } from './expire-contract';
import { renewContract } from './renew-contract';
import { resumeContract } from './resume-contract';
import { returnContract } from './return-contract';
import { reviseContract } from './revise-contract';
import { sendExpiryNotice } from './send-expiry-notice';
import { signAmendment } from './sign-amendment';
import { signContract } from './sign-contract';
import { submitContractForReview } from './submit-contract-for-review';
import { suspendContract } from './suspend-contract';
import { terminateContract } from './terminate-contract';

/**
 * The contract: the list of its use cases, a file each beside this one (command, decision, the events it records
 * and how they change the state; the statuses it is allowed from). A new command is its file and its line here;
 * the unions below, the decider and the service's generic handler (application/contract.handlers.ts) follow.
 */
export const CONTRACT_USE_CASES = [
  draftContract,
  reviseContract,
  submitContractForReview,
  approveContract,
  returnContract,
  signContract,
  amendContract,
  signAmendment,
  suspendContract,
  resumeContract,
  terminateContract,
  renewContract,
  archiveContract,
  sendExpiryNotice,
  closeRenewalFollowUp,
  expireContract,
] as const;

export type ContractCommand = CommandOf<typeof CONTRACT_USE_CASES>;
export type ContractEvent = EventOf<typeof CONTRACT_USE_CASES>;

export const contractDecider = deciderOf<typeof CONTRACT_USE_CASES, ContractState, ContractContext>(
  initialContractState,
  CONTRACT_USE_CASES,
);

/** One stream per contract: 'contract-<tenantId>-<contractId>' (stream ids always lead with their tenant). */
export function contractStreamId(tenantId: string, contractId: string): string {
  return streamId('contract', tenantId, contractId);
}
