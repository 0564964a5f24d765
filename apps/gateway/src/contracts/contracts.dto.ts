import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';
import {
  BUSINESS_LINES,
  CLAUSE_KEYS,
  CONTRACT_FIELDS,
  CONTRACT_KINDS,
  CONTRACT_VIEW_STATUSES,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_STATUSES,
  ITEM_KINDS,
  MAX_NOTICE_MONTHS,
  PARTIES,
  PROPOSAL_STATUSES,
  SIGNING_METHODS,
  PERSONAL_TEXT,
} from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../http/money.dto';
import { PageQuery } from '../http/page.query';
import { Follows, present } from '../http/validators';
import { BodyOf } from '../routes/mount';
import { NotPersonal, Personal } from '../http/personal';

const MAX_ITEMS = 100;
const MAX_REASONS = 20;
const MAX_VISITS = 365;

@ApiSchema({ name: 'ContractItem' })
export class ContractItemDto {
  @ApiProperty({ enum: ITEM_KINDS })
  @IsIn(ITEM_KINDS)
  kind!: string;

  @Follows(CONTRACT_FIELDS.itemDescription, { example: 'practice session (1 hour)' })
  @NotPersonal('what is sold, not about the customer')
  description!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 10 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  unitPrice!: MoneyDto;
}

@ApiSchema({ name: 'Clauses' })
export class ClausesDto {
  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.clause, { required: false })
  @Personal(PERSONAL_TEXT.contract['clauses.items'])
  items?: string;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.clause, { required: false })
  @Personal(PERSONAL_TEXT.contract['clauses.fees'])
  fees?: string;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.clause, { required: false })
  @Personal(PERSONAL_TEXT.contract['clauses.term'])
  term?: string;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.clause, { required: false })
  @Personal(PERSONAL_TEXT.contract['clauses.delivery'])
  delivery?: string;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.clause, { required: false })
  @Personal(PERSONAL_TEXT.contract['clauses.maintenanceDuties'])
  maintenanceDuties?: string;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.clause, { required: false })
  @Personal(PERSONAL_TEXT.contract['clauses.deposit'])
  deposit?: string;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.clause, { required: false })
  @Personal(PERSONAL_TEXT.contract['clauses.breachLiability'])
  breachLiability?: string;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.clause, { required: false })
  @Personal(PERSONAL_TEXT.contract['clauses.latePaymentPenalty'])
  latePaymentPenalty?: string;
}

const ITEMS: ApiPropertyOptions = { type: [ContractItemDto], minItems: 0, maxItems: MAX_ITEMS };

@ApiSchema({ name: 'Terms' })
export class TermsDto {
  @Follows(RULES.dateOnly, { example: '2026-04-01' })
  startDate!: string;

  @Follows(RULES.dateOnly, {
    example: '2027-03-31',
    description: 'before the start: 422 CONTRACTS.END_BEFORE_START',
  })
  endDate!: string;

  @ApiProperty(ITEMS)
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ContractItemDto)
  items!: ContractItemDto[];

  @ApiProperty({ type: ClausesDto })
  @ValidateNested()
  @Type(() => ClausesDto)
  clauses!: ClausesDto;

  @ApiPropertyOptional({ type: MoneyDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => MoneyDto)
  rentPerMonth?: MoneyDto;

  @ApiPropertyOptional({ type: MoneyDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => MoneyDto)
  deposit?: MoneyDto;

  @ApiPropertyOptional({ type: MoneyDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => MoneyDto)
  lateFeePerDay?: MoneyDto;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_VISITS, required: false })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_VISITS)
  visitsPerYear?: number;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.paymentSchedule, { required: false })
  @NotPersonal('how it is paid, not about the customer')
  paymentSchedule?: string;
}

@ApiSchema({ name: 'DraftContract' })
@BodyOf('contracts.DraftContract')
export class DraftContractDto {
  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS)
  kind!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  line!: string;

  @ApiProperty({ type: TermsDto })
  @ValidateNested()
  @Type(() => TermsDto)
  terms!: TermsDto;
}

@ApiSchema({ name: 'ReviseContract' })
@BodyOf('contracts.ReviseContract')
export class ReviseContractDto {
  @ApiProperty({ type: TermsDto })
  @ValidateNested()
  @Type(() => TermsDto)
  terms!: TermsDto;
}

@ApiSchema({ name: 'ReturnContract' })
@BodyOf('contracts.ReturnContract')
export class ReturnContractDto {
  @Follows(CONTRACT_FIELDS.reason, { minItems: 1, maxItems: MAX_REASONS }, { each: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REASONS)
  reasons!: string[];
}

@ApiSchema({ name: 'SignContract' })
@BodyOf('contracts.SignContract', 'contracts.SignAmendment')
export class SignContractDto {
  @ApiProperty({ enum: PARTIES })
  @IsIn(PARTIES)
  party!: string;

  @Follows(CONTRACT_FIELDS.signer, { description: 'who signed for the party', example: 'Wang Fang' })
  signer!: string;

  @ApiProperty({ enum: SIGNING_METHODS })
  @IsIn(SIGNING_METHODS)
  method!: string;
}

/** gRPC wraps an amendment's items, so that "unchanged" (absent) and "none" (empty) differ. */
@ApiSchema({ name: 'ItemList' })
export class ItemListDto {
  @ApiProperty(ITEMS)
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ContractItemDto)
  items!: ContractItemDto[];
}

@ApiSchema({ name: 'TermChanges' })
export class TermChangesDto {
  @ValidateIf(present)
  @Follows(RULES.dateOnly, { required: false, description: 'a new end date' })
  endDate?: string;

  @ApiPropertyOptional({ type: ItemListDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => ItemListDto)
  items?: ItemListDto;

  @ApiPropertyOptional({ type: ClausesDto, required: false, description: 'changed clauses; others stay' })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => ClausesDto)
  clauses?: ClausesDto;

  @ApiPropertyOptional({ type: MoneyDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => MoneyDto)
  rentPerMonth?: MoneyDto;

  @ApiPropertyOptional({ type: MoneyDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => MoneyDto)
  deposit?: MoneyDto;

  @ApiPropertyOptional({ type: MoneyDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => MoneyDto)
  lateFeePerDay?: MoneyDto;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_VISITS, required: false })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_VISITS)
  visitsPerYear?: number;

  @ValidateIf(present)
  @Follows(CONTRACT_FIELDS.paymentSchedule, { required: false })
  @NotPersonal('how it is paid, not about the customer')
  paymentSchedule?: string;
}

@ApiSchema({ name: 'AmendContract' })
@BodyOf('contracts.AmendContract')
export class AmendContractDto {
  @Follows(RULES.dateOnly, {
    example: '2026-10-01',
    description: 'in force from this date; after the current version’s and by the end (else 422)',
  })
  effectiveFrom!: string;

  @ApiProperty({ type: TermChangesDto })
  @ValidateNested()
  @Type(() => TermChangesDto)
  changes!: TermChangesDto;
}

@ApiSchema({ name: 'ReasonToSuspendContract' })
@BodyOf('contracts.SuspendContract', 'contracts.TerminateContract')
export class ReasonDto {
  @Follows(CONTRACT_FIELDS.reason)
  reason!: string;
}

export class GetContractQuery {
  @ValidateIf(present)
  @Follows(RULES.dateOnly, { required: false, description: 'the terms in force on this date' })
  asOf?: string;
}

export class GetContractTermsQuery {
  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description: 'the date whose terms are wanted (today when absent)',
  })
  on?: string;
}

export class GetContractReviewQuery {
  @ValidateIf(present)
  @Follows(RULES.dateOnly, { required: false, description: 'the date of the review (today when absent)' })
  on?: string;
}

export class GetContractDocumentQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100_000,
    required: false,
    description: 'the version; the latest when absent (a draft’s text before signing)',
  })
  @ValidateIf(present)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  version?: number;
}

export class ListContractsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CONTRACT_VIEW_STATUSES, required: false })
  @ValidateIf(present)
  @IsIn(CONTRACT_VIEW_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: CONTRACT_KINDS, required: false })
  @ValidateIf(present)
  @IsIn(CONTRACT_KINDS)
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  customerId?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, { required: false, description: 'contracts ending before this date' })
  expiringBefore?: string;
}

@ApiSchema({ name: 'CloseRenewalFollowUp' })
export class CloseRenewalFollowUpDto {
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES })
  @IsIn(FOLLOW_UP_OUTCOMES)
  outcome!: string;
}

export class ListRenewalFollowUpsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'the user the follow-up is for' })
  @ValidateIf(present)
  @IsUUID()
  owner?: string;

  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, required: false })
  @ValidateIf(present)
  @IsIn(FOLLOW_UP_STATUSES)
  status?: string;
}

@ApiSchema({ name: 'PublishContractTemplate' })
@BodyOf('contracts.PublishContractTemplate')
export class PublishContractTemplateDto {
  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS)
  kind!: string;

  @Follows(CONTRACT_FIELDS.templateTitle, { example: 'Equipment rental lease (2026)' })
  title!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...CLAUSE_KEYS] },
    minItems: 1,
    maxItems: CLAUSE_KEYS.length,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CLAUSE_KEYS.length)
  @IsIn(CLAUSE_KEYS, { each: true })
  requiredClauses!: string[];

  @ApiProperty({ description: 'legal reviews before signing; always true for rental_lease (else 422)' })
  @IsBoolean()
  reviewRequired!: boolean;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_NOTICE_MONTHS, example: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_NOTICE_MONTHS)
  expiryNoticeMonths!: number;
}

@ApiSchema({ name: 'CreateProposal' })
@BodyOf('contracts.CreateProposal')
export class CreateProposalDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  line!: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS)
  kind!: string;

  @ApiProperty({ ...ITEMS, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ContractItemDto)
  items!: ContractItemDto[];

  @Follows(CONTRACT_FIELDS.paymentTerms, { example: 'in full before the first session' })
  paymentTerms!: string;

  @Follows(RULES.dateOnly, { example: '2026-04-01' })
  startDate!: string;

  @Follows(RULES.dateOnly, { example: '2026-09-30', description: 'before the start: 422' })
  endDate!: string;

  @Follows(RULES.dateOnly, { example: '2026-03-16', description: 'the last day the customer may accept' })
  validUntil!: string;
}

export class ListProposalsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES, required: false })
  @ValidateIf(present)
  @IsIn(PROPOSAL_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: CONTRACT_KINDS, required: false })
  @ValidateIf(present)
  @IsIn(CONTRACT_KINDS)
  kind?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, { required: false, description: 'proposals valid until a day before this date' })
  validUntilBefore?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, { required: false, description: 'proposals valid until a day after this date' })
  validUntilAfter?: string;
}

@ApiSchema({ name: 'DeclineProposal' })
@BodyOf('contracts.DeclineProposal')
export class DeclineProposalDto {
  @Follows(CONTRACT_FIELDS.reason)
  reason!: string;
}
