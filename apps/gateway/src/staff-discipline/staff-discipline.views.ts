import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { APPEAL_OUTCOMES, PERSONAL_TEXT } from '@serviceops/contracts';
import { ConductMoneyDto } from './staff-discipline.dto';
import { NotPersonal, Personal } from '../http/personal';

@ApiSchema({ name: 'ViolationAppeal' })
export class ViolationAppealView {
  @ApiProperty({ enum: APPEAL_OUTCOMES })
  outcome!: string;
  @ApiProperty()
  @Personal(PERSONAL_TEXT.staffConduct['appeal.reason'])
  reason!: string;
  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;
  @ApiProperty()
  @NotPersonal('a user’s id')
  decidedBy!: string;
}

@ApiSchema({ name: 'Violation' })
export class ViolationView {
  @ApiProperty({ format: 'uuid' })
  violationId!: string;
  @ApiProperty()
  @NotPersonal('the tenant’s rule')
  ruleId!: string;
  @ApiProperty({
    type: 'integer',
    description: 'the version of the conduct rules the decision applied (0: the default pack)',
  })
  rulesVersion!: number;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
  @ApiProperty({
    type: 'integer',
    description: 'rank among the rule’s standing violations within its window (1: first)',
  })
  offence!: number;
  @ApiProperty({ type: 'integer' })
  quantity!: number;
  @ApiProperty({ type: ConductMoneyDto })
  fine!: ConductMoneyDto;
  @ApiPropertyOptional({ type: ConductMoneyDto, required: false })
  loss?: ConductMoneyDto;
  @ApiProperty()
  @Personal(PERSONAL_TEXT.staffConduct['violations.evidence'])
  evidence!: string;
  @ApiProperty()
  @NotPersonal('a user’s id')
  recordedBy!: string;
  @ApiProperty()
  @NotPersonal('a user’s id')
  approverId!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description: 'a mandatory training session missed',
  })
  trainingSessionId?: string;
  @ApiPropertyOptional({ type: ViolationAppealView, required: false })
  appeal?: ViolationAppealView;
}

@ApiSchema({ name: 'Reward' })
export class RewardView {
  @ApiProperty({ format: 'uuid' })
  rewardId!: string;
  @ApiProperty({ type: ConductMoneyDto })
  amount!: ConductMoneyDto;
  @ApiProperty()
  @Personal(PERSONAL_TEXT.staffConduct['rewards.reason'])
  reason!: string;
  @ApiProperty({ format: 'date-time' })
  grantedAt!: string;
  @ApiProperty()
  @NotPersonal('a user’s id')
  grantedBy!: string;
}

@ApiSchema({ name: 'DisciplineRecord' })
export class DisciplineRecordView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;
  @ApiProperty({ type: 'integer', description: 'the register’s version, also its ETag' })
  version!: number;
  @ApiProperty({ type: [ViolationView] })
  violations!: ViolationView[];
  @ApiProperty({ type: [RewardView] })
  rewards!: RewardView[];
}

@ApiSchema({ name: 'LadderStep' })
export class LadderStepView {
  @ApiProperty({ enum: ['fixed', 'daily_pay'] })
  kind!: string;
  @ApiPropertyOptional({ type: 'integer', required: false, description: 'fixed: minor units' })
  amount?: number;
  @ApiPropertyOptional({ type: 'integer', required: false, description: 'daily_pay: the share’s numerator' })
  numerator?: number;
  @ApiPropertyOptional({ type: 'integer', required: false })
  denominator?: number;
}

@ApiSchema({ name: 'ConductFine' })
export class ConductFineView {
  @ApiProperty({ enum: ['fixed', 'range', 'price', 'ladder'] })
  kind!: string;
  @ApiPropertyOptional({ type: 'integer', required: false })
  amount?: number;
  @ApiPropertyOptional({ type: 'integer', required: false })
  min?: number;
  @ApiPropertyOptional({ type: 'integer', required: false })
  max?: number;
  @ApiPropertyOptional({ type: 'integer', required: false })
  windowDays?: number;
  @ApiProperty({ type: [LadderStepView] })
  steps!: LadderStepView[];
}

@ApiSchema({ name: 'ConductRule' })
export class ConductRuleView {
  @ApiProperty()
  @NotPersonal('the tenant’s rule')
  id!: string;
  @ApiProperty()
  @NotPersonal('the tenant’s rule')
  title!: string;
  @ApiProperty({ description: 'the regulation’s clause the rule comes from' })
  @NotPersonal('the tenant’s rule')
  source!: string;
  @ApiProperty({ type: [String] })
  @NotPersonal('business lines')
  lines!: string[];
  @ApiProperty({ type: ConductFineView })
  fine!: ConductFineView;
  @ApiProperty({ enum: ['occurrence', 'order', 'area'] })
  per!: string;
  @ApiProperty()
  chargeableLoss!: boolean;
}

@ApiSchema({ name: 'ConductRules' })
export class ConductRulesView {
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty()
  @NotPersonal('a currency code')
  currency!: string;
  @ApiProperty({ type: [ConductRuleView] })
  rules!: ConductRuleView[];
}

/** proto3 leaves 0 and false off the wire: the REST answer says them. */
export function disciplineRecordView(reply: Partial<DisciplineRecordView>): DisciplineRecordView {
  return {
    staffId: reply.staffId ?? '',
    version: reply.version ?? 0,
    violations: (reply.violations ?? []).map((v) => ({ ...v, rulesVersion: v.rulesVersion ?? 0 })),
    rewards: reply.rewards ?? [],
  };
}

export function conductRulesView(reply: Partial<ConductRulesView>): ConductRulesView {
  return {
    version: reply.version ?? 0,
    currency: reply.currency ?? '',
    rules: (reply.rules ?? []).map((r) => ({
      ...r,
      chargeableLoss: r.chargeableLoss ?? false,
      fine: { ...r.fine, steps: r.fine?.steps ?? [] },
    })),
  };
}

@ApiSchema({ name: 'ViolationListItem' })
export class ViolationListItemView {
  @ApiProperty({ format: 'uuid' })
  violationId!: string;
  @ApiProperty({ format: 'uuid' })
  staffId!: string;
  @ApiProperty()
  @NotPersonal('the tenant’s rule')
  ruleId!: string;
  @ApiProperty({ type: 'integer' })
  rulesVersion!: number;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
  @ApiProperty({ type: 'integer' })
  offence!: number;
  @ApiProperty({ type: ConductMoneyDto })
  fine!: ConductMoneyDto;
  @ApiPropertyOptional({ type: ConductMoneyDto, required: false })
  loss?: ConductMoneyDto;
  @ApiPropertyOptional({ enum: APPEAL_OUTCOMES, required: false })
  appeal?: string;
}

@ApiSchema({ name: 'ViolationPage' })
export class ViolationPageView {
  @ApiProperty({ type: [ViolationListItemView] })
  items!: ViolationListItemView[];
  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

/** proto3 leaves 0 off the wire: a version-0 rule set and a fine of 0 show as 0. */
export function violationPageView(reply: Partial<ViolationPageView>): ViolationPageView {
  return {
    ...reply,
    items: (reply.items ?? []).map((i) => ({
      ...i,
      rulesVersion: i.rulesVersion ?? 0,
      fine: { amount: i.fine?.amount ?? 0, currency: i.fine?.currency ?? '' },
    })),
  };
}
