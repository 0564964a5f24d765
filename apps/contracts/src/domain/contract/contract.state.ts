export interface AbsentContract {
  readonly status: 'absent';
}

export interface ActiveContract {
  readonly status: 'active';
  readonly contractId: string;
}

export type ContractState = AbsentContract | ActiveContract;

export const initialContractState = (): ContractState => ({ status: 'absent' });
