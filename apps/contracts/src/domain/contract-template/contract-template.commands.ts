import type { ContractTemplate } from './contract-template.state';

/** Publishes the next version of a kind's template: all of a template but its version, which the stream gives. */
export interface PublishContractTemplate {
  readonly type: 'PublishContractTemplate';
  readonly data: Omit<ContractTemplate, 'version'>;
}

export type ContractTemplateCommand = PublishContractTemplate;
