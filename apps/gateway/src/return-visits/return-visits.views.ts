import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { FromWire } from '../http/http.types';
import { NotPersonal, Personal } from '../http/personal';
import {
  PERSONAL_TEXT,
  RETURN_VISIT_OUTCOMES,
  RETURN_VISIT_REASONS,
  RETURN_VISIT_STATUSES,
  SATISFACTION_LEVELS,
} from '@serviceops/contracts';

/** A follow-up as answers show it: its action is personal free text, absent when masked or replayed. */
@ApiSchema({ name: 'FollowUp' })
export class FollowUpView {
  @ApiPropertyOptional({ required: false, description: 'absent when masked, or in a replayed answer' })
  @Personal(PERSONAL_TEXT.returnVisit['followUp.action'])
  action?: string;

  @ApiPropertyOptional({ format: 'date', required: false, description: 'YYYY-MM-DD' })
  dueOn?: string;
}

@ApiSchema({ name: 'ReturnVisit' })
export class ReturnVisitView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'the visit’s version, also its ETag' })
  version!: number;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ enum: RETURN_VISIT_STATUSES })
  status!: string;

  @ApiProperty({ enum: RETURN_VISIT_REASONS })
  reason!: string;

  @ApiProperty({ format: 'date' })
  dueOn!: string;

  @ApiPropertyOptional({ required: false })
  @Personal(PERSONAL_TEXT.returnVisit.serviceRef)
  serviceRef?: string;

  @ApiPropertyOptional({ required: false, description: 'absent when masked or erased' })
  @Personal(PERSONAL_TEXT.returnVisit.note)
  note?: string;

  @ApiProperty({ format: 'date-time' })
  scheduledAt!: string;

  @ApiPropertyOptional({ enum: RETURN_VISIT_OUTCOMES, required: false })
  outcome?: string;

  @ApiPropertyOptional({ enum: SATISFACTION_LEVELS, required: false })
  satisfaction?: string;

  @ApiPropertyOptional({ required: false })
  @Personal(PERSONAL_TEXT.returnVisit.feedback)
  feedback?: string;

  @ApiPropertyOptional({ required: false })
  @Personal(PERSONAL_TEXT.returnVisit.suggestions)
  suggestions?: string;

  @ApiPropertyOptional({ type: FollowUpView, required: false })
  followUp?: FollowUpView;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  recordedAt?: string;

  @ApiPropertyOptional({ required: false })
  @Personal(PERSONAL_TEXT.returnVisit.cancelReason)
  cancelReason?: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  cancelledAt?: string;

  @ApiProperty({
    type: 'integer',
    description: 'the customers policy version that set the due day (0: the defaults)',
  })
  policyVersion!: number;

  @ApiProperty({ description: 'personal fields are masked: the caller’s roles do not include personal data' })
  masked!: boolean;
}

@ApiSchema({ name: 'ReturnVisitPage' })
export class ReturnVisitPageView {
  @ApiProperty({ type: [ReturnVisitView] })
  items!: ReturnVisitView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

export type ReturnVisitReply = FromWire<ReturnVisitView, 'policyVersion' | 'masked'>;

export interface ReturnVisitPageReply {
  readonly items: ReturnVisitReply[];
  readonly nextCursor?: string;
}

/** The REST answer says what proto3 leaves off the wire (0, false). */
export function returnVisitView(visit: ReturnVisitReply): ReturnVisitView {
  return { ...visit, policyVersion: visit.policyVersion ?? 0, masked: visit.masked === true };
}

export function returnVisitPageView(page: ReturnVisitPageReply): ReturnVisitPageView {
  return { ...page, items: page.items.map(returnVisitView) };
}
