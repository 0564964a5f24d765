interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names its contract: the handler loads that contract's stream with it.

export type DraftContract = Command<'DraftContract', { contractId: string }>;

export type SubmitContractForReview = Command<'SubmitContractForReview', { contractId: string }>;

export type ApproveContract = Command<'ApproveContract', { contractId: string }>;

export type ReturnContract = Command<'ReturnContract', { contractId: string }>;

export type SignContract = Command<'SignContract', { contractId: string }>;

export type AmendContract = Command<'AmendContract', { contractId: string }>;

export type SignAmendment = Command<'SignAmendment', { contractId: string }>;

export type SuspendContract = Command<'SuspendContract', { contractId: string }>;

export type ResumeContract = Command<'ResumeContract', { contractId: string }>;

export type TerminateContract = Command<'TerminateContract', { contractId: string }>;

export type RenewContract = Command<'RenewContract', { contractId: string }>;

export type ArchiveContract = Command<'ArchiveContract', { contractId: string }>;

export type ContractCommand =
  | DraftContract
  | SubmitContractForReview
  | ApproveContract
  | ReturnContract
  | SignContract
  | AmendContract
  | SignAmendment
  | SuspendContract
  | ResumeContract
  | TerminateContract
  | RenewContract
  | ArchiveContract;
