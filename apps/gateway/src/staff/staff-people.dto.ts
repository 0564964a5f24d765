import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  BUSINESS_LINES,
  EDUCATION_LEVELS,
  HANDOVER_ITEMS,
  INTERVIEW_MODES,
  MAX_DRIVING_YEARS,
  PEOPLE_POLICY_LIMITS,
  PRACTICAL_TESTS,
  RATING_RANGE,
  RECRUITMENT_STEPS,
  REQUEST_KINDS,
  SCORE_RANGE,
  STAFF_FIELDS,
  STAFF_PEOPLE_FIELDS,
  TENANT_ROLES,
} from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
import { PageQuery } from '../http/page.query';
import { PositiveMoneyDto } from '../http/money.dto';
import { Follows, present } from '../http/validators';
import { NotPersonal } from '../http/personal';
import { BodyOf } from '../routes/mount';

// The REST bodies of the staff service's people methods (issue 13 items 1, 3, 8). The lists of allowed values
// are the domain's own (imported from its contracts), so the schema and the decider agree.

const MAX_RATINGS = 20;

@ApiSchema({ name: 'PostingCriteria' })
export class PostingCriteriaDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_DRIVING_YEARS, required: false })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_DRIVING_YEARS)
  minDrivingYears?: number;

  @ApiPropertyOptional({
    enum: EDUCATION_LEVELS,
    required: false,
    description: 'the least education it takes',
  })
  @ValidateIf(present)
  @IsIn(EDUCATION_LEVELS)
  minEducation?: string;

  @ApiPropertyOptional({ required: false, description: 'a clean record is required' })
  @ValidateIf(present)
  @IsBoolean()
  cleanRecord?: boolean;
}

@ApiSchema({ name: 'OpenPosting' })
export class OpenPostingDto {
  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES)
  role!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  branchId!: string;

  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  businessLine!: string;

  @Follows(STAFF_PEOPLE_FIELDS.postingTitle, { example: 'Driving coach, north branch' })
  title!: string;

  @ApiPropertyOptional({ type: PostingCriteriaDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => PostingCriteriaDto)
  criteria?: PostingCriteriaDto;
}

@ApiSchema({ name: 'ApplyForPosting' })
export class ApplyForPostingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  postingId!: string;

  @Follows(RULES.name, { example: 'Li Wei' })
  name!: string;

  @Follows(RULES.phone, { example: '+86 139 0000 0000' })
  phone!: string;

  @ValidateIf(present)
  @Follows(RULES.idNumber, { required: false, description: 'ID card number' })
  idNumber?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_DRIVING_YEARS, required: false })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_DRIVING_YEARS)
  drivingYears?: number;

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, required: false })
  @ValidateIf(present)
  @IsIn(EDUCATION_LEVELS)
  education?: string;

  @ApiPropertyOptional({ required: false, description: 'no traffic or criminal record' })
  @ValidateIf(present)
  @IsBoolean()
  cleanRecord?: boolean;
}

@ApiSchema({ name: 'Rating' })
export class RatingDto {
  @Follows(STAFF_PEOPLE_FIELDS.ratingAspect, { example: 'communication' })
  @NotPersonal('what was rated (STAFF_PEOPLE_FIELDS.ratingAspect)')
  aspect!: string;

  @ApiProperty({
    type: 'integer',
    minimum: RATING_RANGE.min,
    maximum: RATING_RANGE.max,
    description: `${RATING_RANGE.min} (poor) to ${RATING_RANGE.max} (excellent)`,
  })
  @IsInt()
  @Min(RATING_RANGE.min)
  @Max(RATING_RANGE.max)
  score!: number;
}

@ApiSchema({ name: 'RecordRecruitmentStep' })
export class RecordRecruitmentStepDto {
  @ApiProperty({
    enum: RECRUITMENT_STEPS,
    description: 'the step due next (else 422 STAFF.<DUE STEP>_EXPECTED, e.g. STAFF.INTERVIEW_EXPECTED)',
  })
  @IsIn(RECRUITMENT_STEPS)
  step!: string;

  @ApiPropertyOptional({
    required: false,
    description:
      'required except for screening, which the posting’s criteria decide (a screener may still reject)',
  })
  @ValidateIf(present)
  @IsBoolean()
  passed?: boolean;

  @ValidateIf(present)
  @Follows(RULES.reason, { required: false, description: 'why the candidate was rejected (required then)' })
  reason?: string;

  @ApiPropertyOptional({
    enum: INTERVIEW_MODES,
    required: false,
    description: 'interview only (required there)',
  })
  @ValidateIf(present)
  @IsIn(INTERVIEW_MODES)
  interviewMode?: string;

  @ApiPropertyOptional({
    type: [RatingDto],
    maxItems: MAX_RATINGS,
    required: false,
    description: 'interview only',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_RATINGS)
  @ValidateNested({ each: true })
  @Type(() => RatingDto)
  ratings?: RatingDto[];

  @ApiPropertyOptional({
    enum: PRACTICAL_TESTS,
    required: false,
    description: 'practical test only (required there)',
  })
  @ValidateIf(present)
  @IsIn(PRACTICAL_TESTS)
  practicalTest?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: SCORE_RANGE.min,
    maximum: SCORE_RANGE.max,
    required: false,
    description: 'the step’s score, where the step is scored',
  })
  @ValidateIf(present)
  @IsInt()
  @Min(SCORE_RANGE.min)
  @Max(SCORE_RANGE.max)
  score?: number;
}

@ApiSchema({ name: 'PayTerms' })
export class PayTermsDto {
  @ApiProperty({ type: PositiveMoneyDto })
  @ValidateNested()
  @Type(() => PositiveMoneyDto)
  dailyPay!: PositiveMoneyDto;
}

@ApiSchema({ name: 'LoginRequest' })
export class LoginRequestDto {
  @Follows(STAFF_PEOPLE_FIELDS.loginUsername, { example: 'li.wei' })
  username!: string;
}

@ApiSchema({ name: 'HireCandidate' })
export class HireCandidateDto {
  @ApiProperty({ type: PayTermsDto })
  @ValidateNested()
  @Type(() => PayTermsDto)
  payTerms!: PayTermsDto;

  @ApiPropertyOptional({
    type: LoginRequestDto,
    required: false,
    description: 'ask tenancy for a login with this username (published as StaffLoginRequested)',
  })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => LoginRequestDto)
  login?: LoginRequestDto;
}

@ApiSchema({ name: 'ChangePayTerms' })
@BodyOf('staff.ChangePayTerms')
export class ChangePayTermsDto {
  @ApiProperty({ type: PayTermsDto })
  @ValidateNested()
  @Type(() => PayTermsDto)
  payTerms!: PayTermsDto;
}

@ApiSchema({ name: 'ChangeStaffRole' })
@BodyOf('staff.ChangeStaffRole')
export class ChangeStaffRoleDto {
  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES)
  role!: string;

  @ValidateIf(present)
  @Follows(STAFF_FIELDS.assessmentPeriod, {
    required: false,
    example: '2026-02',
    description: 'the assessed period whose latest result decided `role_change` for this person',
  })
  assessmentPeriod?: string;
}

@ApiSchema({ name: 'SetStaffSkills' })
@BodyOf('staff.SetStaffSkills')
export class SetStaffSkillsDto {
  @ApiProperty({
    enum: REQUEST_KINDS,
    isArray: true,
    uniqueItems: true,
    maxItems: REQUEST_KINDS.length,
    description:
      'the request kinds (orders’ vocabulary) the person is skilled for, replacing the list before; ' +
      'orders dispatches by it when it names any kind, else by their role; empty clears it',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(REQUEST_KINDS.length)
  @IsIn(REQUEST_KINDS, { each: true })
  kinds!: string[];
}

@ApiSchema({ name: 'RecordQualification' })
export class RecordQualificationDto {
  @Follows(STAFF_PEOPLE_FIELDS.qualificationKind, {
    example: 'driving_licence',
    description: 'driving_licence, service_qualification, or a kind of the tenant’s own',
  })
  kind!: string;

  @Follows(STAFF_PEOPLE_FIELDS.qualificationNumber, { example: '110105199001010011' })
  number!: string;

  @Follows(RULES.dateOnly, { example: '2020-05-17', description: 'today or earlier (else 422)' })
  issuedOn!: string;

  @Follows(RULES.instant, { description: 'after the issue day and in the future (else 422)' })
  expiresAt!: string;

  @ValidateIf(present)
  @Follows(RULES.instant, { required: false, description: 'when the next periodic re-verification is due' })
  reverifyBy?: string;
}

@ApiSchema({ name: 'SuspendQualification' })
export class SuspendQualificationDto {
  @Follows(RULES.reason)
  reason!: string;
}

@ApiSchema({ name: 'ReverifyQualification' })
export class ReverifyQualificationDto {
  @ValidateIf(present)
  @Follows(RULES.instant, { required: false, description: 'when the next re-verification is due' })
  nextReverifyBy?: string;
}

@ApiSchema({ name: 'ResignStaffMember' })
export class ResignStaffMemberDto {
  @ValidateIf(present)
  @Follows(RULES.reason, { required: false })
  reason?: string;
}

@ApiSchema({ name: 'DismissStaffMember' })
export class DismissStaffMemberDto {
  @Follows(RULES.reason)
  reason!: string;
}

@ApiSchema({ name: 'TickHandoverItem' })
export class TickHandoverItemDto {
  @ApiProperty({ enum: HANDOVER_ITEMS })
  @IsIn(HANDOVER_ITEMS)
  item!: string;

  @ValidateIf(present)
  @Follows(RULES.reason, { required: false, description: 'what was handed over, to whom' })
  note?: string;
}

export class AsOfQuery {
  @ValidateIf(present)
  @Follows(RULES.instant, { required: false, description: 'the record as it was at this time' })
  asOf?: string;
}

export class EligibilityQuery {
  @ValidateIf(present)
  @Follows(RULES.instant, { required: false, description: 'the moment asked about (default now)' })
  at?: string;
}

const { expiryReminderDays: REMIND, noticeDays: NOTICE, staffRetentionDays: RETAIN } = PEOPLE_POLICY_LIMITS;

@ApiSchema({ name: 'ChangePeoplePolicy' })
export class PeoplePolicyDto {
  @ApiProperty({
    type: 'integer',
    minimum: REMIND.min,
    maximum: REMIND.max,
    example: 30,
    description: 'days before a qualification expires that its reminder goes out',
  })
  @IsInt()
  @Min(REMIND.min)
  @Max(REMIND.max)
  expiryReminderDays!: number;

  @ApiProperty({
    type: 'integer',
    minimum: NOTICE.min,
    maximum: NOTICE.max,
    example: 30,
    description: 'days between a resignation and the last day',
  })
  @IsInt()
  @Min(NOTICE.min)
  @Max(NOTICE.max)
  noticeDays!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: RETAIN.min,
    maximum: RETAIN.max,
    example: 730,
    description:
      'days a leaver’s personal data is kept after their last day, then erased (at least the two years the PRC ' +
      'Labour Contract Law keeps a terminated contract for); absent: unchanged',
  })
  @ValidateIf(present)
  @IsInt()
  @Min(RETAIN.min)
  @Max(RETAIN.max)
  staffRetentionDays?: number;
}

export class ListCandidatesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['in_progress', 'rejected', 'hired', 'erased'], required: false })
  @ValidateIf(present)
  @IsIn(['in_progress', 'rejected', 'hired', 'erased'])
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  postingId?: string;
}

export class ListStaffQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TENANT_ROLES, required: false })
  @ValidateIf(present)
  @IsIn(TENANT_ROLES)
  role?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ enum: BUSINESS_LINES, required: false })
  @ValidateIf(present)
  @IsIn(BUSINESS_LINES)
  businessLine?: string;
}
