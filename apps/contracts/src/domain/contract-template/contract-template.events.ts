import type { Event } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

export type ContractTemplatePublished = Event<
  'ContractTemplatePublished',
  { contractTemplateId: string; publishedAt: string }
>;

export type ContractTemplateEvent = ContractTemplatePublished;
