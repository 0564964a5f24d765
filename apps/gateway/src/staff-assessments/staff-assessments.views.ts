import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AssessmentOutcomesDto, AssessmentWeightsDto, GradeBoundsDto } from './staff-assessments.dto';
import { NotPersonal } from '../http/personal';

@ApiSchema({ name: 'KpiScores' })
export class KpiScoresView {
  @ApiPropertyOptional({ required: false, description: 'inspection average, 0–100' })
  serviceQuality?: number;
  @ApiPropertyOptional({ required: false, description: 'survey average on the 4-level scale, as 0–100' })
  customerSatisfaction?: number;
  @ApiPropertyOptional({ required: false, description: '100 less 25 per safety incident' })
  safety?: number;
  @ApiPropertyOptional({
    required: false,
    description: '100 less 10 per violation, 5 per late arrival, 20 per absence',
  })
  discipline?: number;
  @ApiPropertyOptional({ required: false, description: 'knowledge-test average, 0–100' })
  knowledge?: number;
  @ApiPropertyOptional({ required: false, description: 'share of training sessions attended, 0–100' })
  training?: number;
}

@ApiSchema({ name: 'AssessedStaff' })
export class AssessedStaffView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;
  @ApiPropertyOptional({ required: false })
  @NotPersonal('a role')
  role?: string;
  @ApiPropertyOptional({ format: 'uuid', required: false })
  branchId?: string;
  @ApiProperty({ type: KpiScoresView })
  kpis!: KpiScoresView;
  @ApiProperty({ description: 'weighted score 0–100, to hundredths' })
  score!: number;
  @ApiProperty({
    type: 'integer',
    description: 'within role and branch; ties share a rank, the next is skipped (1, 1, 3)',
  })
  rank!: number;
  @ApiProperty({ type: 'integer' })
  groupSize!: number;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] })
  grade!: string;
  @ApiProperty({
    type: [String],
    description:
      'bonus, certificate, promotion_priority (first of a group with A); training_plan, warning (D)',
  })
  @NotPersonal('outcome codes')
  outcomes!: string[];
}

@ApiSchema({ name: 'Assessment' })
export class AssessmentView {
  @ApiProperty({ example: '2026-03' })
  @NotPersonal('a month or year')
  period!: string;
  @ApiProperty({ enum: ['monthly', 'yearly'] })
  cycle!: string;
  @ApiProperty({ description: 'a preview: computed, not adopted, nothing written' })
  preview!: boolean;
  @ApiPropertyOptional({
    type: 'integer',
    required: false,
    description: 'the period’s result number (absent on a preview)',
  })
  resultVersion?: number;
  @ApiPropertyOptional({
    type: 'integer',
    required: false,
    description: 'the policy version applied (absent under proposed weights)',
  })
  policyVersion?: number;
  @ApiPropertyOptional({ format: 'date-time', required: false })
  assessedAt?: string;
  @ApiProperty({ type: AssessmentWeightsDto })
  weights!: AssessmentWeightsDto;
  @ApiProperty({ type: GradeBoundsDto })
  grades!: GradeBoundsDto;
  @ApiProperty({ type: [AssessedStaffView] })
  results!: AssessedStaffView[];
  @ApiProperty({ type: AssessmentOutcomesDto })
  outcomes!: AssessmentOutcomesDto;
}

@ApiSchema({ name: 'AssessmentPage' })
export class AssessmentPageView {
  @ApiProperty({ type: [AssessmentView] })
  items!: AssessmentView[];
  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

@ApiSchema({ name: 'AssessmentPolicy' })
export class AssessmentPolicyView {
  @ApiProperty({ type: 'integer', description: 'also its ETag (0: the defaults)' })
  version!: number;
  @ApiProperty({ type: AssessmentWeightsDto })
  weights!: AssessmentWeightsDto;
  @ApiProperty({ type: GradeBoundsDto })
  grades!: GradeBoundsDto;
  @ApiProperty({ type: AssessmentOutcomesDto })
  outcomes!: AssessmentOutcomesDto;
}

const KPIS = [
  'serviceQuality',
  'customerSatisfaction',
  'safety',
  'discipline',
  'knowledge',
  'training',
] as const;
const weightsOf = (w: Partial<AssessmentWeightsDto> | undefined): AssessmentWeightsDto =>
  Object.fromEntries(KPIS.map((k) => [k, w?.[k] ?? 0])) as unknown as AssessmentWeightsDto;
const outcomesOf = (o: Partial<AssessmentOutcomesDto> | undefined): AssessmentOutcomesDto => ({
  top: o?.top ?? [],
  failing: o?.failing ?? [],
});
const gradesOf = (g: Partial<GradeBoundsDto> | undefined): GradeBoundsDto => ({
  a: g?.a ?? 0,
  b: g?.b ?? 0,
  c: g?.c ?? 0,
});

/** proto3 leaves 0 and false off the wire: the REST answer says them. */
export function assessmentView(reply: Partial<AssessmentView>): AssessmentView {
  return {
    ...(reply as AssessmentView),
    preview: reply.preview ?? false,
    weights: weightsOf(reply.weights),
    grades: gradesOf(reply.grades),
    outcomes: outcomesOf(reply.outcomes),
    results: (reply.results ?? []).map((r) => ({
      ...r,
      kpis: r.kpis ?? {},
      score: r.score ?? 0,
      outcomes: r.outcomes ?? [],
    })),
  };
}

export function assessmentPolicyView(reply: Partial<AssessmentPolicyView>): AssessmentPolicyView {
  return {
    version: reply.version ?? 0,
    weights: weightsOf(reply.weights),
    grades: gradesOf(reply.grades),
    outcomes: outcomesOf(reply.outcomes),
  };
}

export function assessmentPageView(reply: {
  items?: Partial<AssessmentView>[];
  nextCursor?: string;
}): AssessmentPageView {
  return { ...reply, items: (reply.items ?? []).map(assessmentView) };
}
