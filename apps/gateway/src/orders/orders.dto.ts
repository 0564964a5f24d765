import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  AUTO_DISPATCH_SLOT_MINUTES,
  BUSINESS_LINES,
  ORDER_FIELDS as F,
  REQUEST_KINDS,
  TENANT_ROLES,
} from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { Type } from 'class-transformer';
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
import { LimitQuery } from '../http/page.query';
import { Follows, present } from '../http/validators';

// The domain's lists (apps/orders/src/domain/order/order.state.ts) cannot be imported here (apps stay apart):
// the same values, and the domain refuses anything else with its own code.
export const SERVICE_TYPES = ['paid', 'under_contract', 'under_warranty'] as const;
export const ZONES = ['town', 'suburb'] as const;
export { ORDER_STATUSES, REQUEST_KINDS, SLA_STATES } from '@serviceops/contracts';

@ApiSchema({ name: 'RegisterRequest' })
export class RegisterRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  line!: string;

  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: string;

  @ApiProperty({
    enum: SERVICE_TYPES,
    description:
      'paid: quoted, starts once accepted; under_contract: needs contractId with an entitlement in force ' +
      '(422 ORDERS.NO_ENTITLEMENT); under_warranty: needs contractId covering the product (422 ORDERS.NOT_UNDER_WARRANTY)',
  })
  @IsIn(SERVICE_TYPES)
  serviceType!: string;

  @Follows(RULES.instant, {
    description: 'when the customer wants the job done; before now: 422 ORDERS.WANTED_IN_PAST',
  })
  wantedAt!: string;

  @ApiProperty({ enum: ZONES, description: 'arrival within 6 working hours in town, 7 in the suburbs' })
  @IsIn(ZONES)
  zone!: string;

  @Follows(F.address, { description: 'sealed: personal data' })
  address!: string;

  @Follows(F.subject, { example: 'Washer X200', description: 'product model, vehicle type or equipment' })
  subject!: string;

  @Follows(F.problem, { description: 'sealed: personal data' })
  problem!: string;

  @ValidateIf(present)
  @ApiProperty({
    format: 'uuid',
    required: false,
    description:
      'under contract or warranty: the contract used; a rental_visit or rental_return: the lease it is for, one of the ' +
      'customer’s in force (else 422 ORDERS.NOT_A_LEASE); absent: the customer’s only lease in force (none: 422 ' +
      'ORDERS.NO_ACTIVE_LEASE, several: 422 ORDERS.LEASE_AMBIGUOUS)',
  })
  @IsUUID()
  contractId?: string;
}

@ApiSchema({ name: 'Slot' })
export class SlotDto {
  @Follows(RULES.instant, { description: 'in the past: 422 ORDERS.SLOT_IN_PAST' })
  start!: string;

  @Follows(RULES.instant, {
    description:
      'after start (else 422 ORDERS.SLOT_REVERSED), the same day of the tenant’s calendar, in its time zone ' +
      '(else 422 ORDERS.SLOT_ACROSS_DAYS)',
  })
  end!: string;
}

@ApiSchema({ name: 'DispatchOrder' })
export class DispatchOrderDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'eligible at the slot (422 ORDERS.STAFF_NOT_ELIGIBLE), free in it (422 ORDERS.DOUBLE_BOOKED)',
  })
  @IsUUID()
  staffId!: string;

  @ValidateIf(present)
  @ApiProperty({
    format: 'uuid',
    required: false,
    description: 'a vehicle or equipment unit going along, free in the slot (422 ORDERS.DOUBLE_BOOKED)',
  })
  @IsUUID()
  resourceId?: string;

  @ApiProperty({ type: SlotDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SlotDto)
  slot!: SlotDto;
}

@ApiSchema({ name: 'ReassignOrder' })
export class ReassignOrderDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'the person the order moves to (the one it is with, to move only its time or resource), for its slot or the ' +
      'new one: eligible at it (422 ORDERS.STAFF_NOT_ELIGIBLE), skilled (422 ORDERS.STAFF_NOT_SKILLED), available ' +
      '(422 ORDERS.STAFF_UNAVAILABLE), free in it (422 ORDERS.DOUBLE_BOOKED); nothing changing (the same person, ' +
      'slot and resource): 422 ORDERS.SAME_STAFF',
  })
  @IsUUID()
  staffId!: string;

  @Follows(F.reassignReason, { description: 'why the order moves; sealed: personal data' })
  reason!: string;

  @ValidateIf(present)
  @ApiProperty({
    type: SlotDto,
    required: false,
    description:
      'another time, as a dispatch’s slot: within one day of the tenant’s calendar, not begun; absent: the slot stays',
  })
  @ValidateNested()
  @Type(() => SlotDto)
  slot?: SlotDto;

  @ValidateIf(present)
  @ApiProperty({
    format: 'uuid',
    required: false,
    description:
      'another vehicle or equipment unit, fit at the slot (422 ORDERS.RESOURCE_UNFIT) and free in it (422 ORDERS.DOUBLE_BOOKED); absent: the resource stays (booked at the new slot when it moves)',
  })
  @IsUUID()
  resourceId?: string;
}

@ApiSchema({ name: 'CancelOrder' })
export class CancelOrderDto {
  @Follows(F.cancelReason, { description: 'why the order is cancelled; sealed: personal data' })
  reason!: string;
}

export class CandidatesQuery {
  @Follows(RULES.instant, { description: 'the slot’s start' })
  start!: string;

  @Follows(RULES.instant, {
    description: 'the slot’s end, after start, the same day of the tenant’s calendar',
  })
  end!: string;
}

export class DispatchQueueQuery extends LimitQuery {}

export class GetOrderQuery {
  @ValidateIf(present)
  @Follows(RULES.instant, {
    required: false,
    description: 'the order as it was at this time (its SLA counted then); before it was registered: 404',
  })
  asOf?: string;
}

@ApiSchema({ name: 'SkillRule' })
export class SkillRuleDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: string;

  @ApiProperty({
    enum: TENANT_ROLES,
    isArray: true,
    minItems: 1,
    maxItems: TENANT_ROLES.length,
    description: 'the roles (as staff hired the person) that may take the kind',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TENANT_ROLES.length)
  @IsIn(TENANT_ROLES, { each: true })
  roles!: string[];
}

@ApiSchema({ name: 'SlotMinutesRule' })
export class SlotMinutesRuleDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: string;

  @ApiProperty({
    type: 'integer',
    minimum: AUTO_DISPATCH_SLOT_MINUTES.min,
    maximum: AUTO_DISPATCH_SLOT_MINUTES.max,
    description: 'how long a slot the system books for the kind when it dispatches by itself',
  })
  @IsInt()
  @Min(AUTO_DISPATCH_SLOT_MINUTES.min)
  @Max(AUTO_DISPATCH_SLOT_MINUTES.max)
  minutes!: number;
}

@ApiSchema({ name: 'ChangeDispatchPolicy' })
export class DispatchPolicyDto {
  @ApiProperty({
    description:
      'whether a new request needing no quote (or once its quote is accepted) is dispatched by the system to the ' +
      'top-ranked candidate at its wanted time (actor system:auto-dispatch); without a candidate it stays queued',
  })
  @IsBoolean()
  autoDispatch!: boolean;

  @ApiProperty({
    type: [SkillRuleDto],
    minItems: REQUEST_KINDS.length,
    maxItems: REQUEST_KINDS.length,
    description: 'every request kind once (a kind twice or left out: 422 ORDERS.DISPATCH_POLICY_REFUSED)',
  })
  @IsArray()
  @ArrayMinSize(REQUEST_KINDS.length)
  @ArrayMaxSize(REQUEST_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => SkillRuleDto)
  skills!: SkillRuleDto[];

  @ValidateIf(present)
  @ApiProperty({
    type: [SlotMinutesRuleDto],
    required: false,
    maxItems: REQUEST_KINDS.length,
    description:
      `each request kind at most once (twice: 422 ORDERS.DISPATCH_POLICY_REFUSED); a kind left out, or the list, ` +
      `gets ${AUTO_DISPATCH_SLOT_MINUTES.default} minutes`,
  })
  @IsArray()
  @ArrayMaxSize(REQUEST_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => SlotMinutesRuleDto)
  slotMinutes?: SlotMinutesRuleDto[];
}
