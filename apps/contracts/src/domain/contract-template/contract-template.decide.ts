import { CONTRACT_FIELDS } from '@serviceops/contracts';
import { CLAUSE_KEYS, isClauseKey, isContractKind } from '../terms/terms';
import type { ContractTemplateCommand } from './contract-template.commands';
import { ContractTemplateErrorCode as E, contractTemplateError } from './contract-template.errors';
import type { ContractTemplateEvent } from './contract-template.events';
import type { ContractTemplateState } from './contract-template.state';

export interface ContractTemplateContext {
  readonly now: Date;
}

/** Longest notice the policy may set, in months. */
export const MAX_NOTICE_MONTHS = 12;

export function decideContractTemplate(
  command: ContractTemplateCommand,
  state: ContractTemplateState,
  context: ContractTemplateContext,
): readonly ContractTemplateEvent[] {
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
    throw contractTemplateError(E.INVALID_TEMPLATE, `expiryNoticeMonths must be 1 to ${MAX_NOTICE_MONTHS}`, {
      field: 'expiryNoticeMonths',
    });
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
}
