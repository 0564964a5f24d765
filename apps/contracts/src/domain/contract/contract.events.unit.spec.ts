import { CONTRACT_SEALED_PATHS } from './contract.events';

// The sealed paths are keyed by the event types the use cases evolve: every event of the contract, none twice.

describe('where a contract’s events hold personal text', () => {
  it('knows every event type the contract records', () => {
    expect(Object.keys(CONTRACT_SEALED_PATHS).sort()).toEqual(
      [
        'AmendmentProposed',
        'AmendmentSignatureRecorded',
        'AmendmentSigned',
        'ContractApproved',
        'ContractArchived',
        'ContractBillingTermsPublished',
        'ContractDrafted',
        'ContractEntitlementsPublished',
        'ContractExpired',
        'ContractRenewed',
        'ContractResumed',
        'ContractReturned',
        'ContractRevised',
        'ContractSignatureRecorded',
        'ContractSigned',
        'ContractSubmittedForReview',
        'ContractSuspended',
        'ContractTerminated',
        'ExpiryNoticeSent',
        'RenewalFollowUpClosed',
      ].sort(),
    );
  });

  it('seals the reasons given for returning, suspending and terminating', () => {
    expect(CONTRACT_SEALED_PATHS.ContractReturned).toEqual(['reasons[]']);
    expect(CONTRACT_SEALED_PATHS.ContractSuspended).toEqual(['reason']);
    expect(CONTRACT_SEALED_PATHS.ContractTerminated).toEqual(['reason']);
    expect(CONTRACT_SEALED_PATHS.ContractApproved).toEqual([]);
  });
});
