import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ASSESSMENT_OUTCOMES, STAFF_FIELDS, STAFF_LIMITS } from '@serviceops/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../http/page.query';
import { Follows, present } from '../http/validators';
import { BodyOf } from '../routes/mount';

/** The most a KPI's weight may be (the service checks again: STAFF.ASSESSMENT_POLICY_REFUSED). */
export const MAX_WEIGHT = STAFF_LIMITS.kpiWeight;
const ASSESSMENT_PERIOD = STAFF_FIELDS.assessmentPeriod;
const ROLE_RULE = STAFF_FIELDS.role;

function Weight(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_WEIGHT, example: 20 })(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MAX_WEIGHT)(target, key);
  };
}
function Bound(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ minimum: 0, maximum: 100, example: 75 })(target, key);
    IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
    Min(0)(target, key);
    Max(100)(target, key);
  };
}

@ApiSchema({ name: 'AssessmentWeights' })
export class AssessmentWeightsDto {
  @Weight() serviceQuality!: number;
  @Weight() customerSatisfaction!: number;
  @Weight() safety!: number;
  @Weight() discipline!: number;
  @Weight() knowledge!: number;
  @Weight() training!: number;
}

/** a > b > c, else 422 STAFF.ASSESSMENT_POLICY_REFUSED. */
@ApiSchema({ name: 'GradeBounds' })
export class GradeBoundsDto {
  @Bound() a!: number;
  @Bound() b!: number;
  @Bound() c!: number;
}

@ApiSchema({ name: 'AssessmentOutcomes' })
export class AssessmentOutcomesDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...ASSESSMENT_OUTCOMES] },
    maxItems: ASSESSMENT_OUTCOMES.length,
    description: 'what the first of a role and branch with grade A gets',
  })
  @IsArray()
  @ArrayMaxSize(ASSESSMENT_OUTCOMES.length)
  @IsIn(ASSESSMENT_OUTCOMES, { each: true })
  top!: string[];

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...ASSESSMENT_OUTCOMES] },
    maxItems: ASSESSMENT_OUTCOMES.length,
    description: 'what grade D leads to',
  })
  @IsArray()
  @ArrayMaxSize(ASSESSMENT_OUTCOMES.length)
  @IsIn(ASSESSMENT_OUTCOMES, { each: true })
  failing!: string[];
}

@ApiSchema({ name: 'ChangeAssessmentPolicy' })
export class ChangeAssessmentPolicyDto {
  @ApiProperty({ type: AssessmentWeightsDto, description: 'at least one above 0 (else 422)' })
  @IsDefined()
  @ValidateNested()
  @Type(() => AssessmentWeightsDto)
  weights!: AssessmentWeightsDto;

  @ApiProperty({ type: GradeBoundsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => GradeBoundsDto)
  grades!: GradeBoundsDto;

  @ApiProperty({ type: AssessmentOutcomesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AssessmentOutcomesDto)
  outcomes!: AssessmentOutcomesDto;
}

@ApiSchema({ name: 'PreviewAssessment' })
@BodyOf('staff.PreviewAssessment')
export class PreviewAssessmentDto {
  @Follows(ASSESSMENT_PERIOD, { example: '2026-03' })
  period!: string;

  @ApiPropertyOptional({
    type: AssessmentWeightsDto,
    required: false,
    description: 'proposed; default: in force',
  })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => AssessmentWeightsDto)
  weights?: AssessmentWeightsDto;

  @ApiPropertyOptional({ type: GradeBoundsDto, required: false, description: 'proposed; default: in force' })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => GradeBoundsDto)
  grades?: GradeBoundsDto;

  @ApiPropertyOptional({
    type: AssessmentOutcomesDto,
    required: false,
    description: 'proposed; default: in force',
  })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => AssessmentOutcomesDto)
  outcomes?: AssessmentOutcomesDto;

  @ValidateIf(present)
  @Follows(ROLE_RULE, { required: false, example: 'technician', description: 'only this role' })
  role?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'only this branch' })
  @ValidateIf(present)
  @IsUUID()
  branchId?: string;
}

@ApiSchema({ name: 'AssessPeriod' })
@BodyOf('staff.AssessPeriod')
export class AssessPeriodDto {
  @Follows(ASSESSMENT_PERIOD, {
    example: '2026-03',
    description: 'a month or year that is over (else 422 STAFF.ASSESSMENT_PERIOD_NOT_OVER)',
  })
  period!: string;
}

/** `GET /staff-assessments/{period}?version=`: an earlier result of the period; absent, the latest. */
export class GetAssessmentQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, required: false, description: 'default: the latest' })
  @ValidateIf(present)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class ListAssessmentsQuery extends PageQuery {
  @ValidateIf(present)
  @Follows(ASSESSMENT_PERIOD, {
    required: false,
    example: '2026-03',
    description: 'only this period’s results',
  })
  period?: string;
}
