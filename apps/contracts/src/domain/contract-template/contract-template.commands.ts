interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names its contract template: the handler loads that contract template's stream with it.

export type PublishContractTemplate = Command<'PublishContractTemplate', { contractTemplateId: string }>;

export type ContractTemplateCommand = PublishContractTemplate;
