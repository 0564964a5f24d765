import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  HANDOVER_ITEMS,
  PERSONAL_TEXT,
  RECRUITMENT_STEPS,
  REQUEST_KINDS,
  STAFF_LOGIN_NOT_CREATED_REASONS,
} from '@serviceops/contracts';
import { PositiveMoneyDto } from '../http/money.dto';
import { PayTermsDto, PostingCriteriaDto, RatingDto } from './staff-people.dto';
import { NotPersonal, Personal } from '../http/personal';

// The answers of the staff service's people methods (libs/contracts/proto/staff.proto, field for field).

const opt = { required: false } as const;

@ApiSchema({ name: 'Posting' })
export class PostingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'the posting’s version, also its ETag' }) version!: number;
  @ApiProperty({ example: 'active' }) @NotPersonal('a posting’s status') status!: string;
  @ApiProperty() @NotPersonal('a role') role!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty() @NotPersonal('a business line') businessLine!: string;
  @ApiProperty() @NotPersonal('a job posting’s title') title!: string;
  @ApiProperty({ type: PostingCriteriaDto }) criteria!: PostingCriteriaDto;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}

@ApiSchema({ name: 'RecruitmentStepResult' })
export class RecruitmentStepResultView {
  @ApiProperty({ enum: RECRUITMENT_STEPS }) step!: string;
  @ApiProperty() passed!: boolean;
  @ApiPropertyOptional(opt) @Personal(PERSONAL_TEXT.staffCandidate['steps.reason']) reason?: string;
  @ApiPropertyOptional(opt) @NotPersonal('how the interview was held') interviewMode?: string;
  @ApiProperty({ type: [RatingDto] }) ratings!: RatingDto[];
  @ApiPropertyOptional(opt) @NotPersonal('which practical test') practicalTest?: string;
  @ApiPropertyOptional({ ...opt, type: 'integer' }) score?: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

@ApiSchema({ name: 'Candidate' })
export class CandidateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'the candidate’s version, also its ETag' }) version!: number;
  @ApiProperty({ enum: ['in_progress', 'rejected', 'hired', 'erased'] }) status!: string;
  @ApiProperty({ format: 'uuid' }) postingId!: string;
  @ApiProperty() @NotPersonal('a role') role!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty() @NotPersonal('a business line') businessLine!: string;
  @ApiPropertyOptional({
    ...opt,
    description: 'the step due next (hire after the exam); absent once decided',
  })
  @NotPersonal('a step’s name')
  nextStep?: string;
  @ApiProperty({ type: [RecruitmentStepResultView] }) steps!: RecruitmentStepResultView[];
  @ApiPropertyOptional({ ...opt, description: 'masked for roles without staff personal data' })
  @Personal()
  name?: string;
  @ApiPropertyOptional(opt) @Personal() phone?: string;
  @ApiPropertyOptional(opt) @Personal() idNumber?: string;
  @ApiProperty({
    description: 'personal fields are masked: the caller’s roles do not include staff personal data',
  })
  masked!: boolean;
  @ApiPropertyOptional({ ...opt, type: 'integer' }) drivingYears?: number;
  @ApiPropertyOptional(opt) @Personal() education?: string;
  @ApiPropertyOptional(opt) cleanRecord?: boolean;
  @ApiProperty({ format: 'date-time' }) appliedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ ...opt, format: 'uuid', description: 'once hired: the staff member' })
  staffId?: string;
}

@ApiSchema({ name: 'StaffSkills' })
export class StaffSkillsView {
  @ApiProperty({ enum: REQUEST_KINDS, isArray: true, description: 'empty: cleared, their role decides' })
  kinds!: string[];
  @ApiProperty({ format: 'uuid', description: 'the people manager (user) who recorded them' })
  setBy!: string;
  @ApiProperty({ format: 'date-time' }) setAt!: string;
}

@ApiSchema({ name: 'StaffLoginNotCreated' })
export class StaffLoginNotCreatedView {
  @ApiProperty({
    enum: STAFF_LOGIN_NOT_CREATED_REASONS,
    description: '`already-linked`: an admin linked a user to them before the hire’s request reached tenancy',
  })
  reason!: string;
  @ApiProperty({ format: 'uuid', description: 'the user who is their login' }) userId!: string;
  @ApiProperty({ format: 'date-time', description: 'when tenancy answered' }) answeredAt!: string;
}

@ApiSchema({ name: 'StaffMember' })
export class StaffMemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'the staff member’s version, also its ETag' })
  version!: number;
  @ApiProperty({ enum: ['active', 'erased'] }) status!: string;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ format: 'uuid' }) postingId!: string;
  @ApiProperty() @NotPersonal('a role') role!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty() @NotPersonal('a business line') businessLine!: string;
  @ApiProperty({ type: PayTermsDto }) payTerms!: PayTermsDto;
  @ApiPropertyOptional(opt) @Personal() name?: string;
  @ApiPropertyOptional(opt) @Personal() phone?: string;
  @ApiPropertyOptional(opt) @Personal() idNumber?: string;
  @ApiProperty() masked!: boolean;
  @ApiProperty({ format: 'date-time' }) hiredAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ ...opt, description: 'the username tenancy was asked to create' })
  @NotPersonal('the sign-in name asked for, unsealed as tenancy’s users are')
  loginRequested?: string;
  @ApiPropertyOptional({
    ...opt,
    type: StaffLoginNotCreatedView,
    description: 'tenancy made no login for the hire’s request (absent: it made one, or none was asked for)',
  })
  loginNotCreated?: StaffLoginNotCreatedView;
  @ApiPropertyOptional({
    ...opt,
    format: 'date-time',
    description:
      'when their personal data was erased (status `erased`: name, phone and ID number gone for good)',
  })
  erasedAt?: string;
  @ApiPropertyOptional({
    ...opt,
    format: 'date-time',
    description:
      'when they left: their separation’s last day came (StaffMemberLeft; their login is closed by tenancy)',
  })
  leftAt?: string;
  @ApiPropertyOptional({
    ...opt,
    type: StaffSkillsView,
    description:
      'the request kinds a people manager recorded them skilled for (absent: never recorded; orders then ' +
      'dispatches by their role, as it does while the list is empty)',
  })
  skills?: StaffSkillsView;
}

@ApiSchema({ name: 'Qualification' })
export class QualificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() @NotPersonal('a qualification kind') kind!: string;
  @ApiPropertyOptional(opt)
  @Personal(PERSONAL_TEXT.staffQualification['qualifications.number'])
  number?: string;
  @ApiProperty({ format: 'date' }) issuedOn!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiPropertyOptional({ ...opt, format: 'date-time' }) reverifyBy?: string;
  @ApiProperty({ format: 'date-time' }) remindAt!: string;
  @ApiProperty() reminded!: boolean;
  @ApiProperty({ enum: ['valid', 'expired', 'suspended', 'reverification_overdue'] }) status!: string;
}

@ApiSchema({ name: 'IneligibleBecause' })
export class IneligibleBecauseView {
  @ApiPropertyOptional({ ...opt, format: 'uuid' }) qualificationId?: string;
  @ApiPropertyOptional(opt) @NotPersonal('a qualification kind') kind?: string;
  @ApiProperty({ enum: ['expired', 'suspended', 'reverification_overdue', 'no_qualification'] })
  reason!: string;
}

@ApiSchema({ name: 'Qualifications' })
export class QualificationsView {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ type: 'integer', description: 'the qualifications’ version, also their ETag' })
  version!: number;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [IneligibleBecauseView] }) reasons!: IneligibleBecauseView[];
  @ApiPropertyOptional({ ...opt, format: 'date-time' }) since?: string;
  @ApiProperty() masked!: boolean;
  @ApiProperty({ type: [QualificationView] }) qualifications!: QualificationView[];
}

@ApiSchema({ name: 'Eligibility' })
export class EligibilityView {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [IneligibleBecauseView] }) reasons!: IneligibleBecauseView[];
  @ApiPropertyOptional({ ...opt, format: 'date-time', description: 'since when it was so' }) since?: string;
}

@ApiSchema({ name: 'HandoverItem' })
export class HandoverItemView {
  @ApiProperty({ enum: HANDOVER_ITEMS }) item!: string;
  @ApiProperty() ticked!: boolean;
}

@ApiSchema({ name: 'Separation' })
export class SeparationView {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ enum: ['none', 'separating', 'settlement_requested'] }) status!: string;
  @ApiPropertyOptional({ ...opt, enum: ['resignation', 'dismissal'] }) kind?: string;
  @ApiPropertyOptional(opt) @Personal(PERSONAL_TEXT.staffSeparation.separationReason) reason?: string;
  @ApiPropertyOptional({ ...opt, type: 'integer' }) noticeDays?: number;
  @ApiPropertyOptional({ ...opt, format: 'date' }) lastDay?: string;
  @ApiPropertyOptional({ ...opt, format: 'date-time' }) startedAt?: string;
  @ApiProperty({ type: [HandoverItemView] }) handover!: HandoverItemView[];
  @ApiPropertyOptional({ ...opt, format: 'date-time' }) settlementRequestedAt?: string;
}

@ApiSchema({ name: 'PeoplePolicy' })
export class PeoplePolicyView {
  @ApiProperty({ type: 'integer', description: 'the policy’s version, also its ETag (0: the defaults)' })
  version!: number;
  @ApiProperty({ type: 'integer' }) expiryReminderDays!: number;
  @ApiProperty({ type: 'integer' }) noticeDays!: number;
  @ApiProperty({ type: 'integer', description: 'days a leaver’s personal data is kept after their last day' })
  staffRetentionDays!: number;
}

@ApiSchema({ name: 'CandidateSummary' })
export class CandidateSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ enum: ['in_progress', 'rejected', 'hired', 'erased'] }) status!: string;
  @ApiPropertyOptional(opt) @NotPersonal('a step’s name') nextStep?: string;
  @ApiProperty({ format: 'uuid' }) postingId!: string;
  @ApiProperty() @NotPersonal('a role') role!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty() @NotPersonal('a business line') businessLine!: string;
  @ApiPropertyOptional(opt) @Personal() name?: string;
  @ApiPropertyOptional(opt) @Personal() phone?: string;
  @ApiProperty() masked!: boolean;
  @ApiProperty({ format: 'date-time' }) appliedAt!: string;
}

@ApiSchema({ name: 'CandidatePage' })
export class CandidatePageView {
  @ApiProperty({ type: [CandidateSummaryView] }) items!: CandidateSummaryView[];
  @ApiPropertyOptional({ ...opt, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

@ApiSchema({ name: 'StaffSummary' })
export class StaffSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() @NotPersonal('a role') role!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty() @NotPersonal('a business line') businessLine!: string;
  @ApiPropertyOptional(opt) @Personal() name?: string;
  @ApiPropertyOptional(opt) @Personal() phone?: string;
  @ApiProperty() masked!: boolean;
  @ApiProperty({ type: PositiveMoneyDto }) dailyPay!: PositiveMoneyDto;
  @ApiPropertyOptional({ ...opt, enum: ['separating', 'settlement_requested'] }) separation?: string;
  @ApiProperty({ format: 'date-time' }) hiredAt!: string;
  @ApiPropertyOptional({ ...opt, format: 'date-time', description: 'when their personal data was erased' })
  erasedAt?: string;
  @ApiPropertyOptional({
    ...opt,
    format: 'date-time',
    description: 'when they left: their separation’s last day came (StaffMemberLeft)',
  })
  leftAt?: string;
}

@ApiSchema({ name: 'StaffPage' })
export class StaffPageView {
  @ApiProperty({ type: [StaffSummaryView] }) items!: StaffSummaryView[];
  @ApiPropertyOptional({ ...opt, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}
