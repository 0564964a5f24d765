interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names its proposal: the handler loads that proposal's stream with it.

export type CreateProposal = Command<'CreateProposal', { proposalId: string }>;

export type SendProposal = Command<'SendProposal', { proposalId: string }>;

export type AcceptProposal = Command<'AcceptProposal', { proposalId: string }>;

export type DeclineProposal = Command<'DeclineProposal', { proposalId: string }>;

export type ProposalCommand = CreateProposal | SendProposal | AcceptProposal | DeclineProposal;
