import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  DELIVERY_ITEMS,
  MAINTENANCE_ACTIONS,
  PREPARATION_ITEMS,
  RESOURCE_FIELDS as F,
  RESOURCE_KINDS,
  RESOURCE_STATES,
  SETTABLE_RESOURCE_STATES,
  VISIT_WORK,
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
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MoneyDto, PositiveMoneyDto } from '../http/money.dto';
import { PageQuery } from '../http/page.query';
import { Follows, present } from '../http/validators';
import { BodyOf } from '../routes/mount';

const CHECK_ITEMS = [
  ...new Set([...PREPARATION_ITEMS.vehicle, ...PREPARATION_ITEMS.equipment, ...DELIVERY_ITEMS]),
];
const MAX_ITEMS = 20;

@ApiSchema({ name: 'RegisterResource' })
@BodyOf('orders.RegisterResource')
export class RegisterResourceDto {
  @ApiProperty({ enum: RESOURCE_KINDS })
  @IsIn(RESOURCE_KINDS)
  kind!: string;

  @Follows(F.name, { example: 'Practice car 7' })
  name!: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description:
      'last day in force; before today: 422 ORDERS.VALID_TO_IN_PAST; on a tool: 422 ORDERS.NO_PAPERS',
  })
  inspectionValidTo?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description:
      'last day in force; before today: 422 ORDERS.VALID_TO_IN_PAST; on a tool: 422 ORDERS.NO_PAPERS',
  })
  insuranceValidTo?: string;

  @ApiPropertyOptional({
    type: PositiveMoneyDto,
    required: false,
    description:
      'a tool’s price (required for a tool, else 422 ORDERS.TOOL_PRICE_REQUIRED): charged when lost',
  })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => PositiveMoneyDto)
  price?: PositiveMoneyDto;
}

export class GetResourceQuery {
  @ValidateIf(present)
  @Follows(RULES.instant, { required: false, description: 'the resource as it was at this time' })
  asOf?: string;
}

export class ListResourcesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RESOURCE_KINDS, required: false })
  @ValidateIf(present)
  @IsIn(RESOURCE_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: RESOURCE_STATES, required: false })
  @ValidateIf(present)
  @IsIn(RESOURCE_STATES)
  state?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description: 'resources whose inspection or insurance ends before this day',
  })
  expiringBefore?: string;
}

@ApiSchema({ name: 'ChangeResourceState' })
@BodyOf('orders.ChangeResourceState')
export class ChangeResourceStateDto {
  @ApiProperty({
    enum: SETTABLE_RESOURCE_STATES,
    description: 'retired stays retired (422 ORDERS.RESOURCE_RETIRED); out first comes back (422)',
  })
  @IsIn(SETTABLE_RESOURCE_STATES)
  state!: string;
}

@ApiSchema({ name: 'UpdateResourcePapers' })
@BodyOf('orders.UpdateResourcePapers')
export class UpdateResourcePapersDto {
  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description: 'the new last day in force; before today: 422 ORDERS.VALID_TO_IN_PAST',
  })
  inspectionValidTo?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    required: false,
    description: 'the new last day in force; before today: 422 ORDERS.VALID_TO_IN_PAST',
  })
  insuranceValidTo?: string;
}

@ApiSchema({ name: 'RecordMaintenance' })
@BodyOf('orders.RecordMaintenance')
export class RecordMaintenanceDto {
  @ApiProperty({
    enum: MAINTENANCE_ACTIONS,
    description: 'repaired: a failed preparation check no longer counts',
  })
  @IsIn(MAINTENANCE_ACTIONS)
  action!: string;

  @Follows(F.note, { example: 'brake pads replaced' })
  note!: string;
}

@ApiSchema({ name: 'LendTool' })
@BodyOf('orders.LendTool')
export class LendToolDto {
  @ApiProperty({ format: 'uuid', description: 'the staff member borrowing it' })
  @IsUUID()
  borrowerId!: string;

  @Follows(RULES.dateOnly, {
    description: 'the day it is due back (overdue the day after); before today: 422 ORDERS.DUE_BACK_IN_PAST',
  })
  dueBack!: string;
}

@ApiSchema({ name: 'ChecklistItem' })
export class ChecklistItemDto {
  @ApiProperty({ enum: CHECK_ITEMS })
  @IsIn(CHECK_ITEMS)
  item!: string;

  @ApiProperty()
  @IsBoolean()
  passed!: boolean;
}

@ApiSchema({ name: 'RecordPreparationCheck' })
@BodyOf('orders.RecordPreparationCheck')
export class RecordPreparationCheckDto {
  @ApiProperty({ format: 'uuid', description: 'the order about to start' })
  @IsUUID()
  orderId!: string;

  @ApiProperty({
    type: [ChecklistItemDto],
    minItems: 1,
    maxItems: MAX_ITEMS,
    description: `each item of the list once (else 422 ORDERS.CHECKLIST_INCOMPLETE): a vehicle ${PREPARATION_ITEMS.vehicle.join(', ')}; equipment ${PREPARATION_ITEMS.equipment.join(', ')}`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  items!: ChecklistItemDto[];
}

@ApiSchema({ name: 'DeliverRental' })
@BodyOf('orders.DeliverRental')
export class DeliverRentalDto {
  @ApiProperty({
    format: 'uuid',
    description: 'an order of kind rental_delivery (else 422 ORDERS.WRONG_ORDER_KIND)',
  })
  @IsUUID()
  orderId!: string;

  @ApiProperty({
    type: [ChecklistItemDto],
    minItems: 1,
    maxItems: MAX_ITEMS,
    description: `${DELIVERY_ITEMS.join(', ')}: each once, all passed (else 422 ORDERS.DELIVERY_CHECK_FAILED)`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  checklist!: ChecklistItemDto[];

  @ApiProperty({
    description: 'the customer signed the delivery list; false: 422 ORDERS.DELIVERY_NOT_SIGNED',
  })
  @IsBoolean()
  customerSigned!: boolean;

  @ApiProperty({ format: 'uuid', description: 'the staff member who signed for the company' })
  @IsUUID()
  staffSignedBy!: string;
}

@ApiSchema({ name: 'RecordRentalVisit' })
@BodyOf('orders.RecordRentalVisit')
export class RecordRentalVisitDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'an order of kind rental_visit of the customer the unit is leased to (else 422 ORDERS.WRONG_ORDER_KIND, ORDERS.NOT_RENTED_TO_CUSTOMER)',
  })
  @IsUUID()
  orderId!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...VISIT_WORK] },
    minItems: 1,
    maxItems: VISIT_WORK.length,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(VISIT_WORK.length)
  @IsIn(VISIT_WORK, { each: true })
  work!: string[];

  @Follows(F.note, { example: 'lubricated the drive chain, replaced a worn belt' })
  note!: string;
}

@ApiSchema({ name: 'Finding' })
export class FindingDto {
  @Follows(F.findingItem, { example: 'front panel' })
  item!: string;

  @Follows(F.note, { example: 'dented, 10 cm' })
  note!: string;
}

@ApiSchema({ name: 'InspectRentalReturn' })
@BodyOf('orders.InspectRentalReturn')
export class InspectRentalReturnDto {
  @ApiProperty({
    format: 'uuid',
    description: 'an order of kind rental_return of the customer the unit is leased to',
  })
  @IsUUID()
  orderId!: string;

  @ApiProperty({
    type: [FindingDto],
    maxItems: MAX_ITEMS,
    description: 'damage above 0 needs a finding (422 ORDERS.DAMAGE_WITHOUT_FINDINGS)',
  })
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => FindingDto)
  findings!: FindingDto[];

  @ApiProperty({
    type: MoneyDto,
    description: 'the damage assessed (0 when none), for the final settlement',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  damage!: MoneyDto;
}
