import type { ClauseKey, ContractKind } from '../terms/terms';

export interface PublishContractTemplate {
  readonly type: 'PublishContractTemplate';
  readonly data: {
    readonly kind: ContractKind;
    readonly title: string;
    readonly requiredClauses: readonly ClauseKey[];
    readonly reviewRequired: boolean;
    readonly expiryNoticeMonths: number;
  };
}

export type ContractTemplateCommand = PublishContractTemplate;
