import { ApiProperty, ApiPropertyOptional, ApiSchema, PickType } from '@nestjs/swagger';
import {
  BUSINESS_LINES,
  CLAUSE_KEYS,
  CONTRACT_KINDS,
  CONTRACT_VIEW_STATUSES,
  FOLLOW_UP_STATUSES,
  PARTIES,
  PROPOSAL_STATUSES,
  SIGNING_METHODS,
  PERSONAL_TEXT,
} from '@serviceops/contracts';
import { EventRecordView } from '../http/event-record.view';
import { MoneyDto } from '../http/money.dto';
import { ContractItemDto, TermChangesDto, TermsDto } from './contracts.dto';
import { NotPersonal, Personal } from '../http/personal';

@ApiSchema({ name: 'Signature' })
export class SignatureView {
  @ApiProperty({ enum: PARTIES })
  party!: string;

  @ApiProperty()
  @Personal(PERSONAL_TEXT.contract['signatures.signer'])
  signer!: string;

  @ApiProperty({ enum: SIGNING_METHODS })
  method!: string;

  @ApiProperty({ format: 'date-time' })
  signedAt!: string;
}

@ApiSchema({ name: 'TermsVersion' })
export class TermsVersionView {
  @ApiProperty({ type: 'integer', example: 1 })
  version!: number;

  @ApiProperty({ format: 'date', example: '2026-04-01' })
  effectiveFrom!: string;

  @ApiProperty({ type: TermsDto })
  terms!: TermsDto;

  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'the amendment that made it' })
  amendmentId?: string;
}

@ApiSchema({ name: 'PendingAmendment' })
export class PendingAmendmentView {
  @ApiProperty({ format: 'uuid' })
  amendmentId!: string;

  @ApiProperty({ type: 'integer' })
  basedOnVersion!: number;

  @ApiProperty({ format: 'date' })
  effectiveFrom!: string;

  @ApiProperty({ type: TermChangesDto })
  changes!: TermChangesDto;

  @ApiProperty({ type: [SignatureView] })
  signatures!: SignatureView[];
}

@ApiSchema({ name: 'Contract' })
export class ContractView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'the contract’s version, also its ETag: send it as If-Match to change it',
  })
  version!: number;

  @ApiProperty({ enum: CONTRACT_VIEW_STATUSES, description: 'active: signed, on or after its start date' })
  status!: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  kind!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ enum: BUSINESS_LINES })
  line!: string;

  @ApiProperty({ type: 'integer', description: 'the template version it was drafted under' })
  templateVersion!: number;

  @ApiProperty()
  reviewRequired!: boolean;

  @ApiProperty({ type: TermsDto, description: 'in force on asOf (or today); the draft’s before signing' })
  terms!: TermsDto;

  @ApiPropertyOptional({ type: 'integer', required: false, description: 'which signed version `terms` is' })
  termsVersion?: number;

  @ApiProperty({ type: [TermsVersionView], description: 'every signed version, oldest first' })
  versions!: TermsVersionView[];

  @ApiProperty({ type: [SignatureView] })
  signatures!: SignatureView[];

  @ApiPropertyOptional({ type: PendingAmendmentView, required: false })
  pending?: PendingAmendmentView;

  @ApiProperty({ type: [String], description: 'why legal returned it (the last time)' })
  @Personal(PERSONAL_TEXT.contract.returnReasons)
  returnReasons!: string[];

  @ApiPropertyOptional({ format: 'uuid', required: false })
  proposalId?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'the contract this one renews' })
  predecessorId?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'the contract that renews this one' })
  successorId?: string;

  @ApiPropertyOptional({ format: 'date', required: false })
  asOf?: string;
}

@ApiSchema({ name: 'TermsInForce' })
export class TermsInForceView {
  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ format: 'date' })
  on!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ format: 'date' })
  effectiveFrom!: string;

  @ApiProperty({ type: TermsDto })
  terms!: TermsDto;
}

@ApiSchema({ name: 'ContractDocument' })
export class ContractDocumentView {
  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ type: 'integer', description: 'the version rendered (0: the draft before signing)' })
  version!: number;

  @ApiProperty({ description: 'the contract’s text: template title, parties, items, clauses' })
  @Personal()
  text!: string;

  @ApiProperty({ description: 'sha-256 of the text, hex' })
  @NotPersonal('a hash')
  contentHash!: string;

  @ApiPropertyOptional({ required: false, description: 'the hash recorded when both parties signed it' })
  @NotPersonal('a hash')
  signedHash?: string;

  @ApiProperty({ description: 'false: the text differs from the one signed' })
  matchesSigned!: boolean;
}

@ApiSchema({ name: 'ContractHistoryEntry' })
export class ContractHistoryEntryView extends EventRecordView {}

@ApiSchema({ name: 'ContractHistory' })
export class ContractHistoryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: [ContractHistoryEntryView] })
  entries!: ContractHistoryEntryView[];
}

/** A contract as lists show it: the contract's own fields (ContractView), its term's dates and when it was drafted. */
@ApiSchema({ name: 'ContractSummary' })
export class ContractSummaryView extends PickType(ContractView, [
  'id',
  'version',
  'status',
  'kind',
  'customerId',
] as const) {
  @ApiProperty({
    format: 'date',
    description: 'the term’s start: the draft’s, then the latest signed version’s',
  })
  startDate!: string;

  @ApiProperty({
    format: 'date',
    description: 'the term’s end: the draft’s, then the latest signed version’s',
  })
  endDate!: string;

  @ApiProperty({ format: 'date-time' })
  draftedAt!: string;
}

@ApiSchema({ name: 'ContractPage' })
export class ContractPageView {
  @ApiProperty({ type: [ContractSummaryView] })
  items!: ContractSummaryView[];

  @ApiPropertyOptional({ required: false })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

@ApiSchema({ name: 'RenewalFollowUp' })
export class RenewalFollowUpView {
  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({
    type: 'integer',
    description: 'the contract’s version: also the ETag, sent as If-Match to close it',
  })
  version!: number;

  @ApiProperty({ description: 'the user the expiry notice gave it to (system when none)' })
  @NotPersonal('a user’s id, or system')
  owner!: string;

  @ApiProperty({ format: 'date', description: 'the end date the notice went out for' })
  endDate!: string;

  @ApiProperty({ enum: FOLLOW_UP_STATUSES })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  closedAt?: string;

  @ApiPropertyOptional({
    required: false,
    description: 'its owner, a manager, or system (with the contract)',
  })
  @NotPersonal('a user’s id, or system')
  closedBy?: string;
}

@ApiSchema({ name: 'RenewalFollowUpPage' })
export class RenewalFollowUpPageView {
  @ApiProperty({ type: [RenewalFollowUpView] })
  items!: RenewalFollowUpView[];

  @ApiPropertyOptional({ required: false })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

@ApiSchema({ name: 'ContractTemplate' })
export class ContractTemplateView {
  @ApiProperty({ enum: CONTRACT_KINDS })
  kind!: string;

  @ApiProperty({ type: 'integer', description: '1 is the default every tenant starts with' })
  version!: number;

  @ApiProperty()
  @NotPersonal('the tenant’s template')
  title!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...CLAUSE_KEYS] } })
  requiredClauses!: string[];

  @ApiProperty()
  reviewRequired!: boolean;

  @ApiProperty({ type: 'integer', description: 'months before the end that the expiry notice goes out' })
  expiryNoticeMonths!: number;
}

@ApiSchema({ name: 'ContractTemplateList' })
export class ContractTemplateListView {
  @ApiProperty({ type: [ContractTemplateView] })
  items!: ContractTemplateView[];
}

@ApiSchema({ name: 'Proposal' })
export class ProposalView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'also its ETag: send it as If-Match to change it' })
  version!: number;

  @ApiProperty({ enum: PROPOSAL_STATUSES })
  status!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ enum: BUSINESS_LINES })
  line!: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  kind!: string;

  @ApiProperty({ type: [ContractItemDto] })
  items!: ContractItemDto[];

  @ApiProperty()
  @NotPersonal('how it is paid, not about the customer (PERSONAL_TEXT.proposal)')
  paymentTerms!: string;

  @ApiProperty({ format: 'date' })
  startDate!: string;

  @ApiProperty({ format: 'date' })
  endDate!: string;

  @ApiProperty({ format: 'date' })
  validUntil!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'the contract drafted on acceptance' })
  contractId?: string;
}

/** A proposal as lists show it: the proposal's own fields (ProposalView) without its items and terms of payment. */
@ApiSchema({ name: 'ProposalSummary' })
export class ProposalSummaryView extends PickType(ProposalView, [
  'id',
  'version',
  'status',
  'customerId',
  'line',
  'kind',
  'startDate',
  'endDate',
  'validUntil',
  'contractId',
] as const) {
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

@ApiSchema({ name: 'ProposalPage' })
export class ProposalPageView {
  @ApiProperty({ type: [ProposalSummaryView] })
  items!: ProposalSummaryView[];

  @ApiPropertyOptional({ required: false })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

@ApiSchema({ name: 'SessionsReview' })
export class SessionsReviewView {
  @ApiProperty({ type: 'integer', description: 'sessions in the package' })
  total!: number;

  @ApiProperty({ type: 'integer', description: 'sessions reported used by orders' })
  used!: number;

  @ApiProperty({
    type: 'integer',
    description: 'sessions that should be used by now, pro rata over the term (rounded down)',
  })
  expectedByNow!: number;
}

@ApiSchema({ name: 'VisitsReview' })
export class VisitsReviewView {
  @ApiProperty({ type: 'integer', description: 'maintenance visits due by the date' })
  dueByNow!: number;

  @ApiProperty({ type: 'integer', description: 'maintenance visits reported done by orders' })
  done!: number;
}

@ApiSchema({ name: 'PaymentsReview' })
export class PaymentsReviewView {
  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'deposit plus one month’s rent per month begun (absent when the contract names no money)',
  })
  dueByNow?: MoneyDto;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'payments reported by billing, in the contract’s currency',
  })
  paid?: MoneyDto;
}

@ApiSchema({ name: 'ContractReview' })
export class ContractReviewView {
  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ format: 'date' })
  on!: string;

  @ApiPropertyOptional({
    type: SessionsReviewView,
    description: 'a service package’s sessions (absent otherwise)',
  })
  sessions?: SessionsReviewView;

  @ApiProperty({ type: VisitsReviewView })
  visits!: VisitsReviewView;

  @ApiProperty({ type: PaymentsReviewView })
  payments!: PaymentsReviewView;

  @ApiProperty({
    enum: ['sessions', 'visits', 'payments'],
    isArray: true,
    description: 'what is behind schedule',
  })
  behind!: string[];
}
