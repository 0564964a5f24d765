import type { Event } from '@serviceops/kernel';
import type { ClauseKey, ContractKind } from '../terms/terms';

export type ContractTemplatePublished = Event<
  'ContractTemplatePublished',
  {
    kind: ContractKind;
    version: number;
    title: string;
    requiredClauses: ClauseKey[];
    reviewRequired: boolean;
    expiryNoticeMonths: number;
    publishedAt: string;
  }
>;

export type ContractTemplateEvent = ContractTemplatePublished;
