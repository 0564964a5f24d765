import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { RULES, type StringRule } from '@serviceops/kernel';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Follows, present } from '../http/validators';

/** The largest amount a fine, loss or reward may state, in minor units (a proto int32 holds it). */
export const MAX_CONDUCT_AMOUNT = 100_000_000;
/** The most orders or areas one fine may count (the domain's MAX_QUANTITY). */
export const MAX_FINE_QUANTITY = 100;
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A conduct rule's id: lower-case words joined by dashes. */
export const CONDUCT_RULE_ID: StringRule = {
  message: 'must be a conduct rule id (lower-case words joined by dashes, at most 100 characters)',
  schema: { type: 'string', pattern: RULE_ID.source, minLength: 1, maxLength: 100 },
  accepts: (raw) => raw.length <= 100 && RULE_ID.test(raw),
};
export const APPEAL_OUTCOMES = ['upheld', 'overturned'] as const;

@ApiSchema({ name: 'ConductMoney' })
export class ConductMoneyDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_CONDUCT_AMOUNT,
    example: 1500,
    description: 'integer minor units (fen): 1500 is 15.00 CNY',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_CONDUCT_AMOUNT)
  amount!: number;

  @Follows(RULES.currency, { example: 'CNY' })
  currency!: string;
}

@ApiSchema({ name: 'RecordViolation' })
export class RecordViolationDto {
  @Follows(CONDUCT_RULE_ID, {
    example: 'greeting-customers-and-superiors',
    description: 'a rule of GET /policies/conduct-rules; unknown: 422 STAFF.UNKNOWN_CONDUCT_RULE',
  })
  ruleId!: string;

  @Follows(RULES.instant, { description: 'when it happened; in the future: 422 STAFF.VIOLATION_IN_FUTURE' })
  occurredAt!: string;

  @Follows(RULES.longText, { example: 'did not greet two customers at the desk, seen by the shift lead' })
  evidence!: string;

  @ApiPropertyOptional({
    type: ConductMoneyDto,
    required: false,
    description:
      'a range rule: the approver’s pick (outside the range: 422 STAFF.FINE_OUT_OF_RANGE); a price rule: the price; a fixed or ladder rule: optional, must equal the rule’s fine (422 STAFF.FINE_NOT_AS_RULE)',
  })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => ConductMoneyDto)
  fine?: ConductMoneyDto;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_FINE_QUANTITY,
    required: false,
    description: 'orders or areas counted by a rule fined per order / per area (default 1)',
  })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(MAX_FINE_QUANTITY)
  quantity?: number;

  @ApiPropertyOptional({
    type: ConductMoneyDto,
    required: false,
    description: 'a loss charged to the person, where the rule says so (else 422 STAFF.LOSS_NOT_CHARGEABLE)',
  })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => ConductMoneyDto)
  loss?: ConductMoneyDto;

  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description: 'who approved the fine (default: the caller)',
  })
  @ValidateIf(present)
  @IsUUID()
  approverId?: string;
}

@ApiSchema({ name: 'DecideAppeal' })
export class DecideAppealDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: string;

  @Follows(RULES.reason, { example: 'the camera shows the customer was greeted' })
  reason!: string;
}

@ApiSchema({ name: 'GrantReward' })
export class GrantRewardDto {
  @ApiProperty({ type: ConductMoneyDto, description: 'a positive amount (0: 422 STAFF.REWARD_NOT_POSITIVE)' })
  @ValidateNested()
  @Type(() => ConductMoneyDto)
  amount!: ConductMoneyDto;

  @Follows(RULES.reason, { example: 'first of the March ranking' })
  reason!: string;
}
