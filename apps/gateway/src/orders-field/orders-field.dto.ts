import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { BUSINESS_LINES, CHAT_LIMITS, INCIDENT_FIELDS, ORDER_STATUSES } from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { LimitQuery, PageQuery } from '../http/page.query';
import { Follows, present } from '../http/validators';
import { SLA_STATES } from '../orders/orders.dto';

// The domain's lists (apps/orders) cannot be imported here (apps stay apart): the same values, and the domain
// refuses anything else with its own code.
/** An order's statuses (libs/contracts states them once). */
export const LIST_STATUSES = ORDER_STATUSES;
export const CHAT_STATUSES = ['waiting', 'allocated', 'active', 'ended'] as const;
export const INCIDENT_KINDS = ['accident', 'sudden_illness'] as const;

export class ListOrdersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LIST_STATUSES, required: false })
  @ValidateIf(present)
  @IsIn(LIST_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'dispatched to (or completed by)' })
  @ValidateIf(present)
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description: 'a vehicle or equipment unit going along',
  })
  @ValidateIf(present)
  @IsUUID()
  resourceId?: string;

  @ApiPropertyOptional({
    enum: SLA_STATES,
    required: false,
    description: 'the arrival SLA as the tenant’s calendar counts it now',
  })
  @ValidateIf(present)
  @IsIn(SLA_STATES)
  slaState?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description: 'the tenant’s calendar day of the slot once dispatched, else of the time wanted',
  })
  day?: string;
}

@ApiSchema({ name: 'SetChatPolicy' })
export class SetChatPolicyDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: CHAT_LIMITS.percentMax,
    description: 'the share of ended chats sampled for quality inspection, in percent',
  })
  @IsInt()
  @Min(0)
  @Max(CHAT_LIMITS.percentMax)
  samplePercent!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: CHAT_LIMITS.scoreMax })
  @IsInt()
  @Min(0)
  @Max(CHAT_LIMITS.scoreMax)
  scoreMin!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: CHAT_LIMITS.scoreMax,
    description: 'above scoreMin (else 422 ORDERS.SCORE_RANGE_REVERSED)',
  })
  @IsInt()
  @Min(0)
  @Max(CHAT_LIMITS.scoreMax)
  scoreMax!: number;
}

/** A queue: a business line, and a branch when the tenant queues per branch. */
class QueueDto {
  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  line!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  branchId?: string;
}

@ApiSchema({ name: 'SetCompanionCapacity' })
export class SetCompanionCapacityDto extends QueueDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: CHAT_LIMITS.capacityMax,
    description: 'chats at once; 0: off duty (chats in progress go on)',
  })
  @IsInt()
  @Min(0)
  @Max(CHAT_LIMITS.capacityMax)
  capacity!: number;
}

@ApiSchema({ name: 'QueueChat' })
export class QueueChatDto extends QueueDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId!: string;
}

@ApiSchema({ name: 'AllocateChatCompanion' })
export class AllocateChatCompanionDto extends QueueDto {}

export class ChatQueueQuery extends LimitQuery {
  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  line!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  branchId?: string;
}

@ApiSchema({ name: 'ScoreChat' })
export class ScoreChatDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: CHAT_LIMITS.scoreMax,
    description:
      'within the chat policy’s range (else 422 ORDERS.SCORE_OUT_OF_RANGE); only a sampled, ended chat, once',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(CHAT_LIMITS.scoreMax)
  score!: number;
}

@ApiSchema({ name: 'RecordSafetyIncident' })
export class RecordSafetyIncidentDto {
  @ApiProperty({ format: 'uuid', description: 'the staff member it happened to or on whose job' })
  @IsUUID()
  staffId!: string;

  @ApiProperty({ enum: INCIDENT_KINDS })
  @IsIn(INCIDENT_KINDS)
  kind!: string;

  @Follows(RULES.instant, { description: 'when it happened; after now: 422 ORDERS.INCIDENT_IN_FUTURE' })
  occurredAt!: string;

  @Follows(INCIDENT_FIELDS.emergencySteps, {
    description: 'the emergency steps taken; sealed: personal data',
  })
  emergencySteps!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  orderId?: string;
}

export class DayQuery {
  @Follows(RULES.dateOnly, { description: 'YYYY-MM-DD in the tenant’s calendar' })
  day!: string;
}
