import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { BUSINESS_LINES, PERSONAL_TEXT } from '@serviceops/contracts';
import {
  ORDER_STATUSES,
  REQUEST_KINDS,
  SERVICE_TYPES,
  SLA_STATES,
  SkillRuleDto,
  SlotDto,
  SlotMinutesRuleDto,
  ZONES,
} from './orders.dto';
import { NotPersonal, Personal } from '../http/personal';

@ApiSchema({ name: 'HeldCandidate' })
export class HeldCandidateView {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ type: [String], description: 'why the person was out (as a candidate’s reasons)' })
  @NotPersonal('reason codes')
  reasons!: string[];
}

@ApiSchema({ name: 'AutoDispatchHold' })
export class AutoDispatchHoldView {
  @ApiProperty({ description: 'no_candidate (each person’s reasons in candidates), or the refusal’s code' })
  @NotPersonal('a reason code')
  reason!: string;
  @ApiProperty({ format: 'date-time' }) heldAt!: string;
  @ApiProperty({ type: SlotDto }) slot!: SlotDto;
  @ApiProperty({ type: [HeldCandidateView] }) candidates!: HeldCandidateView[];
}

@ApiSchema({ name: 'Order' })
export class OrderView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: 'integer',
    description: 'the order’s version, also its ETag: send it as If-Match to change it',
  })
  version!: number;

  @ApiProperty({
    enum: ORDER_STATUSES,
    description:
      'the furthest stage reached: registered → quoted → quote_accepted (paid work) → dispatched → in_progress → completed; closed when the quote was declined; cancelled (before work started)',
  })
  status!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ enum: BUSINESS_LINES })
  line!: string;

  @ApiProperty({ enum: REQUEST_KINDS })
  kind!: string;

  @ApiProperty({ enum: SERVICE_TYPES })
  serviceType!: string;

  @ApiProperty({ enum: ZONES })
  zone!: string;

  @ApiProperty({ format: 'date-time' })
  wantedAt!: string;

  @ApiPropertyOptional({
    required: false,
    description: 'product, vehicle or equipment as the customer named it; absent when masked',
  })
  @Personal(PERSONAL_TEXT.order.subject)
  subject?: string;

  @ApiPropertyOptional({ required: false, description: 'absent when masked' })
  @Personal(PERSONAL_TEXT.order.address)
  address?: string;

  @ApiPropertyOptional({ required: false, description: 'absent when masked' })
  @Personal(PERSONAL_TEXT.order.problem)
  problem?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  contractId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description: 'a rental visit or return: the lease it is for',
  })
  leaseContractId?: string;

  @ApiProperty({ description: 'paid work waits for a quote the customer accepts' })
  quoteRequired!: boolean;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'first response due (24 h after the request)' })
  responseDueAt!: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  respondedAt?: string;

  @ApiPropertyOptional({ required: false })
  responseLate?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    required: false,
    description: 'unanswered past the deadline: escalated',
  })
  escalatedAt?: string;

  @ApiProperty({
    format: 'date-time',
    description: 'arrival due, in the tenant’s business hours as the calendar stands',
  })
  arrivalDueAt!: string;

  @ApiProperty({ enum: SLA_STATES })
  slaState!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  staffId?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  resourceId?: string;

  @ApiPropertyOptional({ type: SlotDto, required: false })
  slot?: SlotDto;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  dispatchedAt?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    required: false,
    description: 'moved to another person (staffId): the latest time',
  })
  reassignedAt?: string;

  @ApiPropertyOptional({ required: false, description: 'why it was last moved; absent when masked' })
  @Personal(PERSONAL_TEXT.order.reassignReason)
  reassignReason?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    required: false,
    description: 'cancelled: its SLA stopped then (slaState cancelled unless someone had arrived)',
  })
  cancelledAt?: string;

  @ApiPropertyOptional({ required: false, description: 'why it was cancelled; absent when masked' })
  @Personal(PERSONAL_TEXT.order.cancelReason)
  cancelReason?: string;

  @ApiPropertyOptional({
    type: AutoDispatchHoldView,
    required: false,
    description: 'the system’s latest auto-dispatch that found nobody: why (the order stays in the queue)',
  })
  autoDispatchHeld?: AutoDispatchHoldView;

  @ApiProperty({ type: 'integer', description: 'the orders policy version that set the deadlines' })
  policyVersion!: number;

  @ApiProperty({ description: 'personal fields are masked: the caller’s roles do not include personal data' })
  masked!: boolean;
}

@ApiSchema({ name: 'DispatchCandidate' })
export class CandidateView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  @ApiProperty({
    description:
      'eligible at the slot’s start, skilled for the order’s kind, working then (when shifts are on record), not on leave, free in it',
  })
  inRunning!: boolean;

  @ApiProperty({
    type: [String],
    description:
      'in: least_loaded or load:<n>, then skilled_by:list (their own skill list names the kind) or skilled_by:role (no list: their role’s default); ' +
      'out: booked, expired, suspended, reverification_overdue, no_qualification, no_eligibility_on_record, not_in_skill_list:<kind>, not_skilled_for:<kind> (by role), not_working, on_leave',
  })
  @NotPersonal('reason codes')
  reasons!: string[];

  @ApiProperty({ type: 'integer', description: 'open orders dispatched to the person' })
  load!: number;
}

@ApiSchema({ name: 'CandidateList' })
export class CandidateListView {
  @ApiProperty({ type: [CandidateView] })
  items!: CandidateView[];
}

@ApiSchema({ name: 'QueuedOrder' })
export class QueuedOrderView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ enum: ZONES })
  zone!: string;

  @ApiProperty({ enum: REQUEST_KINDS })
  kind!: string;
}

@ApiSchema({ name: 'DispatchQueue' })
export class DispatchQueueView {
  @ApiProperty({ type: [QueuedOrderView] })
  items!: QueuedOrderView[];
}

@ApiSchema({ name: 'DispatchPolicy' })
export class DispatchPolicyView {
  @ApiProperty({ type: 'integer', description: 'the policy’s version, also its ETag (0: the defaults)' })
  version!: number;
  @ApiProperty() autoDispatch!: boolean;
  @ApiProperty({ type: [SkillRuleDto], description: 'one row per request kind' }) skills!: SkillRuleDto[];
  @ApiProperty({
    type: [SlotMinutesRuleDto],
    description: 'one row per request kind: how long a slot the system books when it dispatches by itself',
  })
  slotMinutes!: SlotMinutesRuleDto[];
}
