import { CONTRACT_FIELDS, MAX_NOTICE_MONTHS } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { CLAUSE_KEYS, isClauseKey, isContractKind, type ClauseKey, type ContractKind } from '../terms/terms';
import { ContractTemplateErrorCode as E, contractTemplateError } from './contract-template.errors';
import type {
  ContractTemplate,
  ContractTemplateContext,
  ContractTemplateState,
} from './contract-template.state';

/** Publishes the next version of a kind's template: all of a template but its version, which the stream gives. */
export type PublishContractTemplate = Command<'PublishContractTemplate', Omit<ContractTemplate, 'version'>>;

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

export const publishContractTemplate = useCase<
  PublishContractTemplate,
  ContractTemplatePublished,
  ContractTemplateState,
  ContractTemplateContext
>({
  command: 'PublishContractTemplate',
  handles: {
    rpc: 'contracts.PublishContractTemplate',
    command: (request: {
      kind?: string;
      title?: string;
      requiredClauses?: string[];
      reviewRequired?: boolean;
      expiryNoticeMonths?: number;
    }) => ({
      type: 'PublishContractTemplate',
      data: {
        kind: (request.kind ?? '') as ContractKind,
        title: request.title ?? '',
        requiredClauses: (request.requiredClauses ?? []) as ClauseKey[],
        reviewRequired: request.reviewRequired ?? false,
        expiryNoticeMonths: request.expiryNoticeMonths ?? 0,
      },
    }),
  },
  decide(command, state, context) {
    const { kind, title, requiredClauses, reviewRequired, expiryNoticeMonths } = command.data;
    if (!isContractKind(kind) || kind !== state.kind)
      throw contractTemplateError(E.INVALID_TEMPLATE, 'kind is not this template’s kind', { field: 'kind' });
    if (!CONTRACT_FIELDS.templateTitle.accepts(title))
      throw contractTemplateError(E.INVALID_TEMPLATE, `title ${CONTRACT_FIELDS.templateTitle.message}`, {
        field: 'title',
      });
    if (requiredClauses.length === 0)
      throw contractTemplateError(E.NO_REQUIRED_CLAUSE, 'a template requires at least one clause');
    const unknown = requiredClauses.find((c) => !isClauseKey(c));
    if (unknown !== undefined)
      throw contractTemplateError(E.INVALID_TEMPLATE, `unknown clause ${String(unknown)}`, {
        field: 'requiredClauses',
      });
    if (kind === 'rental_lease' && !reviewRequired)
      throw contractTemplateError(E.REVIEW_REQUIRED_FOR_LEASE, 'a rental lease is always reviewed by legal');
    if (
      !Number.isInteger(expiryNoticeMonths) ||
      expiryNoticeMonths < 1 ||
      expiryNoticeMonths > MAX_NOTICE_MONTHS
    )
      throw contractTemplateError(
        E.INVALID_TEMPLATE,
        `expiryNoticeMonths must be 1 to ${MAX_NOTICE_MONTHS}`,
        { field: 'expiryNoticeMonths' },
      );
    return [
      {
        type: 'ContractTemplatePublished',
        data: {
          kind,
          version: state.version + 1,
          title: title.trim(),
          // In the one order of CLAUSE_KEYS, once each.
          requiredClauses: CLAUSE_KEYS.filter((c) => requiredClauses.includes(c)),
          reviewRequired,
          expiryNoticeMonths,
          publishedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ContractTemplatePublished: (_state, event) => {
      const { kind, version, title, requiredClauses, reviewRequired, expiryNoticeMonths } = event.data;
      return { kind, version, title, requiredClauses, reviewRequired, expiryNoticeMonths };
    },
  },
});
