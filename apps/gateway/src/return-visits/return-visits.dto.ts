import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { PageQuery } from '../http/page.query';
import {
  RETURN_VISIT_FIELDS as F,
  RETURN_VISIT_OUTCOMES,
  RETURN_VISIT_STATUSES,
  SATISFACTION_LEVELS,
  SCHEDULED_RETURN_VISIT_REASONS,
} from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { Follows, present } from '../http/validators';
import { BodyOf } from '../routes/mount';

/** Why a visit is made; periodic ones are scheduled by the policy, never by a caller. */

@BodyOf('customers.ScheduleReturnVisit')
@ApiSchema({ name: 'ScheduleReturnVisit' })
export class ScheduleReturnVisitDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ enum: SCHEDULED_RETURN_VISIT_REASONS })
  @IsIn(SCHEDULED_RETURN_VISIT_REASONS)
  reason!: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description:
      'YYYY-MM-DD, by default today (on_demand) or after the policy’s days (after_service); ' +
      'before today: 422 CUSTOMERS.DUE_DATE_PAST',
  })
  dueOn?: string;

  @ValidateIf(present)
  @Follows(F.serviceRef, { required: false, description: 'the service this visit follows up' })
  serviceRef?: string;

  @ValidateIf(present)
  @Follows(F.note, { required: false })
  note?: string;
}

@ApiSchema({ name: 'FollowUpRequest' })
export class FollowUpDto {
  @Follows(F.followUpAction, { example: 'call back about the quote' })
  action!: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, { required: false, description: 'YYYY-MM-DD' })
  dueOn?: string;
}

@BodyOf('customers.RecordReturnVisit')
@ApiSchema({ name: 'RecordReturnVisit' })
export class RecordReturnVisitDto {
  @ApiProperty({ enum: RETURN_VISIT_OUTCOMES })
  @IsIn(RETURN_VISIT_OUTCOMES)
  outcome!: string;

  @ApiPropertyOptional({
    enum: SATISFACTION_LEVELS,
    required: false,
    description:
      'required when reached (else 422 CUSTOMERS.SATISFACTION_REQUIRED), refused otherwise ' +
      '(422 CUSTOMERS.SATISFACTION_NOT_EXPECTED)',
  })
  @ValidateIf(present)
  @IsIn(SATISFACTION_LEVELS)
  satisfaction?: string;

  @ValidateIf(present)
  @Follows(F.feedback, { required: false })
  feedback?: string;

  @ValidateIf(present)
  @Follows(F.suggestions, { required: false })
  suggestions?: string;

  @ApiPropertyOptional({ type: FollowUpDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => FollowUpDto)
  followUp?: FollowUpDto;
}

@BodyOf('customers.CancelReturnVisit')
@ApiSchema({ name: 'CancelReturnVisit' })
export class CancelReturnVisitDto {
  @Follows(F.cancelReason)
  reason!: string;
}

export class ListReturnVisitsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RETURN_VISIT_STATUSES, required: false })
  @ValidateIf(present)
  @IsIn(RETURN_VISIT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  customerId?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description: 'YYYY-MM-DD: only visits due on or before this day',
  })
  dueBy?: string;
}

// ---- The public gRPC API's requests ----
