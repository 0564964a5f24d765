import { ApiProperty, ApiPropertyOptional, ApiSchema, PickType } from '@nestjs/swagger';
import { BUSINESS_LINES, PERSONAL_TEXT } from '@serviceops/contracts';
import { EventRecordView } from '../http/event-record.view';
import { OrderView } from '../orders/orders.views';
import { REQUEST_KINDS } from '../orders/orders.dto';
import { CHAT_STATUSES, INCIDENT_KINDS } from './orders-field.dto';
import { NotPersonal, Personal } from '../http/personal';

/** An order as lists show it: the order's own fields (OrderView), without the sealed and per-order details. */
@ApiSchema({ name: 'OrderSummary' })
export class OrderSummaryView extends PickType(OrderView, [
  'id',
  'status',
  'customerId',
  'line',
  'kind',
  'serviceType',
  'zone',
  'wantedAt',
  'receivedAt',
  'arrivalDueAt',
  'slaState',
  'staffId',
  'resourceId',
  'slot',
  'dispatchedAt',
] as const) {
  @ApiProperty({ type: 'integer', description: 'the order’s version as the list last saw it' })
  version!: number;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  completedAt?: string;
}

@ApiSchema({ name: 'OrderPage' })
export class OrderPageView {
  @ApiProperty({ type: [OrderSummaryView] })
  items!: OrderSummaryView[];

  @ApiPropertyOptional({ required: false, description: 'the next page’s cursor; absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

@ApiSchema({ name: 'OrderHistoryEntry' })
export class OrderHistoryEntryView extends EventRecordView {
  @ApiPropertyOptional({
    type: 'integer',
    required: false,
    description: 'the policy version the decision applied',
  })
  policyVersion?: number;
}

@ApiSchema({ name: 'OrderHistory' })
export class OrderHistoryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: [OrderHistoryEntryView] })
  entries!: OrderHistoryEntryView[];
}

@ApiSchema({ name: 'ChatPolicy' })
export class ChatPolicyView {
  @ApiProperty({
    type: 'integer',
    description: '0: the default (10 %, scores 0–100) until the tenant sets its own',
  })
  version!: number;

  @ApiProperty({ type: 'integer' })
  samplePercent!: number;

  @ApiProperty({ type: 'integer' })
  scoreMin!: number;

  @ApiProperty({ type: 'integer' })
  scoreMax!: number;
}

@ApiSchema({ name: 'CompanionDesk' })
export class CompanionDeskView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ enum: BUSINESS_LINES })
  line!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  branchId?: string;

  @ApiProperty({ type: 'integer' })
  capacity!: number;

  @ApiProperty({ type: 'integer', description: 'chats in progress or allocated' })
  active!: number;
}

@ApiSchema({ name: 'ChatSession' })
export class ChatSessionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: 'integer',
    description: 'the session’s version, also its ETag: send it as If-Match to change it',
  })
  version!: number;

  @ApiProperty({ enum: CHAT_STATUSES })
  status!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ enum: BUSINESS_LINES })
  line!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  branchId?: string;

  @ApiProperty({ format: 'date-time' })
  queuedAt!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  companionId?: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  allocatedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  endedAt?: string;

  @ApiPropertyOptional({ type: 'integer', required: false })
  durationSeconds?: number;

  @ApiPropertyOptional({ required: false, description: 'flagged for quality inspection' })
  sampled?: boolean;

  @ApiPropertyOptional({ type: 'integer', required: false })
  score?: number;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  scoredAt?: string;

  @ApiPropertyOptional({ required: false })
  @NotPersonal('the inspector’s staff id')
  inspectorId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    required: false,
    description: 'the chat policy version sampling applied',
  })
  policyVersion?: number;
}

@ApiSchema({ name: 'WaitingChat' })
export class WaitingChatView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  queuedAt!: string;
}

@ApiSchema({ name: 'ChatQueue' })
export class ChatQueueView {
  @ApiProperty({ type: [WaitingChatView] })
  items!: WaitingChatView[];
}

@ApiSchema({ name: 'SafetyIncident' })
export class SafetyIncidentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  @ApiProperty({ enum: INCIDENT_KINDS })
  kind!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiPropertyOptional({ required: false, description: 'absent when masked' })
  @Personal(PERSONAL_TEXT.safetyIncident.emergencySteps)
  emergencySteps?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  orderId?: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ description: 'personal fields are masked: the caller’s roles do not include personal data' })
  masked!: boolean;
}

@ApiSchema({ name: 'KindLine' })
export class KindLineView {
  @ApiProperty({ enum: REQUEST_KINDS })
  kind!: string;

  @ApiProperty({ type: 'integer' })
  orders!: number;

  @ApiProperty({ description: 'hours worked, as the repair cards give them' })
  hours!: number;
}

@ApiSchema({ name: 'StaffLine' })
export class StaffLineView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  @ApiProperty({ type: 'integer' })
  orders!: number;

  @ApiProperty()
  hours!: number;

  @ApiProperty({ type: [KindLineView] })
  byKind!: KindLineView[];
}

@ApiSchema({ name: 'AtRiskOrder' })
export class AtRiskOrderView {
  @ApiProperty({ format: 'uuid' })
  orderId!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  staffId?: string;

  @ApiProperty({ enum: REQUEST_KINDS })
  kind!: string;

  @ApiProperty({ enum: ['at_risk', 'missed'] })
  slaState!: string;

  @ApiProperty({ format: 'date-time' })
  arrivalDueAt!: string;
}

@ApiSchema({ name: 'StaffDailyReport' })
export class StaffDailyReportView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  @ApiProperty({ format: 'date' })
  day!: string;

  @ApiProperty({ type: 'integer', description: 'orders completed that day' })
  orders!: number;

  @ApiProperty()
  hours!: number;

  @ApiProperty({ type: [KindLineView] })
  byKind!: KindLineView[];

  @ApiProperty({
    type: [AtRiskOrderView],
    description:
      'open jobs that will miss (or missed) their arrival time, at the day’s end or now if earlier',
  })
  atRisk!: AtRiskOrderView[];
}

@ApiSchema({ name: 'DailyRollup' })
export class DailyRollupView {
  @ApiProperty({ format: 'date' })
  day!: string;

  @ApiProperty({ type: 'integer' })
  orders!: number;

  @ApiProperty()
  hours!: number;

  @ApiProperty({ type: [KindLineView] })
  byKind!: KindLineView[];

  @ApiProperty({ type: [StaffLineView] })
  staff!: StaffLineView[];

  @ApiProperty({ type: [AtRiskOrderView] })
  atRisk!: AtRiskOrderView[];
}
