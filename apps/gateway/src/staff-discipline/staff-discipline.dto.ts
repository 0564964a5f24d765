import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { RULES } from '@serviceops/kernel';
import { Type } from 'class-transformer';
import {
  APPEAL_OUTCOMES,
  BUSINESS_LINES,
  FINE_KINDS,
  FINE_UNITS,
  LADDER_STEP_KINDS,
  STAFF_FIELDS,
  STAFF_LIMITS,
} from '@serviceops/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../http/page.query';
import { type Money, moneyDto } from '../http/money.dto';
import { Follows, present } from '../http/validators';
import { BodyOf } from '../routes/mount';

export const MAX_CONDUCT_AMOUNT = STAFF_LIMITS.amount;
export const MAX_FINE_QUANTITY = STAFF_LIMITS.fineQuantity;
const CONDUCT_RULE_ID = STAFF_FIELDS.conductRuleId;

/** A fine, bonus or loss of the conduct register: integer minor units up to the register's bound. */
export const ConductMoneyDto = moneyDto('ConductMoney', {
  minimum: 0,
  maximum: MAX_CONDUCT_AMOUNT,
  example: 1500,
  description: 'integer minor units (fen): 1500 is 15.00 CNY',
});
export type ConductMoneyDto = Money;

@ApiSchema({ name: 'RecordViolation' })
@BodyOf('staff.RecordViolation')
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
@BodyOf('staff.DecideAppeal')
export class DecideAppealDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: string;

  @Follows(RULES.reason, { example: 'the camera shows the customer was greeted' })
  reason!: string;
}

@ApiSchema({ name: 'GrantReward' })
@BodyOf('staff.GrantReward')
export class GrantRewardDto {
  @ApiProperty({ type: ConductMoneyDto, description: 'a positive amount (0: 422 STAFF.REWARD_NOT_POSITIVE)' })
  @ValidateNested()
  @Type(() => ConductMoneyDto)
  amount!: ConductMoneyDto;

  @Follows(RULES.reason, { example: 'first of the March ranking' })
  reason!: string;
}

const MAX_CONDUCT_RULES = STAFF_LIMITS.conductRules;
const MAX_LADDER_STEPS = STAFF_LIMITS.ladderSteps;
const MAX_WINDOW_DAYS = STAFF_LIMITS.ladderWindowDays;

function OptionalInt(min: number, max: number, description: string): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, required: false, description })(
      target,
      key,
    );
    ValidateIf(present)(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}

@ApiSchema({ name: 'LadderStepInput' })
export class LadderStepDto {
  @ApiProperty({ enum: LADDER_STEP_KINDS })
  @IsIn(LADDER_STEP_KINDS)
  kind!: string;

  @OptionalInt(1, MAX_CONDUCT_AMOUNT, 'fixed: minor units')
  amount?: number;

  @OptionalInt(1, STAFF_LIMITS.payShare, 'daily_pay: the share’s numerator (half a day: 1/2)')
  numerator?: number;

  @OptionalInt(1, STAFF_LIMITS.payShare, 'daily_pay: the share’s denominator')
  denominator?: number;
}

@ApiSchema({ name: 'ConductFineInput' })
export class ConductFineDto {
  @ApiProperty({
    enum: FINE_KINDS,
    description: 'fixed: amount; range: min < max; price: nothing; ladder: windowDays and steps (else 422)',
  })
  @IsIn(FINE_KINDS)
  kind!: string;

  @OptionalInt(1, MAX_CONDUCT_AMOUNT, 'fixed: minor units')
  amount?: number;

  @OptionalInt(1, MAX_CONDUCT_AMOUNT, 'range: the least, minor units')
  min?: number;

  @OptionalInt(1, MAX_CONDUCT_AMOUNT, 'range: the most, minor units')
  max?: number;

  @OptionalInt(1, MAX_WINDOW_DAYS, 'ladder: repeats within this many days climb the steps')
  windowDays?: number;

  @ApiPropertyOptional({ type: [LadderStepDto], required: false, maxItems: MAX_LADDER_STEPS })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_LADDER_STEPS)
  @ValidateNested({ each: true })
  @Type(() => LadderStepDto)
  steps?: LadderStepDto[];
}

@ApiSchema({ name: 'ConductRuleInput' })
export class ConductRuleDto {
  @Follows(CONDUCT_RULE_ID, { example: 'hygiene' })
  id!: string;

  @Follows(RULES.reason, { example: 'Personal and area hygiene' })
  title!: string;

  @Follows(RULES.reason, { example: 'staff handbook §2.8', description: 'where the rule comes from' })
  source!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...BUSINESS_LINES] }, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(BUSINESS_LINES, { each: true })
  lines!: string[];

  @ApiProperty({ type: ConductFineDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ConductFineDto)
  fine!: ConductFineDto;

  @ApiProperty({ enum: FINE_UNITS })
  @IsIn(FINE_UNITS)
  per!: string;

  @ApiProperty()
  @IsBoolean()
  chargeableLoss!: boolean;
}

/** The whole rule set (PUT replaces it). */
@ApiSchema({ name: 'ChangeConductRules' })
export class ChangeConductRulesDto {
  @Follows(RULES.currency, { example: 'CNY' })
  currency!: string;

  @ApiProperty({ type: [ConductRuleDto], minItems: 1, maxItems: MAX_CONDUCT_RULES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONDUCT_RULES)
  @ValidateNested({ each: true })
  @Type(() => ConductRuleDto)
  rules!: ConductRuleDto[];
}

/** `?staffId=&ruleId=&limit=&cursor=` of the violation list. */
export class ListViolationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  staffId?: string;

  @ValidateIf(present)
  @Follows(CONDUCT_RULE_ID, { required: false })
  ruleId?: string;
}
