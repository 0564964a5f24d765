export interface AbsentContractTemplate {
  readonly status: 'absent';
}

export interface ActiveContractTemplate {
  readonly status: 'active';
  readonly contractTemplateId: string;
}

export type ContractTemplateState = AbsentContractTemplate | ActiveContractTemplate;

export const initialContractTemplateState = (): ContractTemplateState => ({ status: 'absent' });
