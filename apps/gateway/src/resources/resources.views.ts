import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { RESOURCE_KINDS, RESOURCE_STATES, UNFIT_REASONS } from '@serviceops/contracts';
import { MoneyDto } from '../http/money.dto';
import { NotPersonal } from '../http/personal';

@ApiSchema({ name: 'ToolLoan' })
export class ToolLoanView {
  @ApiProperty({ format: 'uuid' })
  borrowerId!: string;

  @ApiProperty({ format: 'date' })
  dueBack!: string;

  @ApiProperty({ description: 'not back by its due day' })
  overdue!: boolean;
}

@ApiSchema({ name: 'MaintenanceEntry' })
export class MaintenanceEntryView {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  @NotPersonal('about the equipment (RESOURCE_FIELDS)')
  action!: string;

  @ApiProperty()
  @NotPersonal('about the equipment (RESOURCE_FIELDS)')
  note!: string;
}

@ApiSchema({ name: 'PreparationCheck' })
export class PreparationCheckView {
  @ApiProperty({ format: 'uuid' })
  orderId!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ type: [String] })
  @NotPersonal('checklist items of the equipment')
  failed!: string[];
}

@ApiSchema({ name: 'ResourceRental' })
export class ResourceRentalView {
  @ApiProperty({ format: 'uuid' })
  deliveryOrderId!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  contractId?: string;
}

@ApiSchema({ name: 'RentalRecord' })
export class RentalRecordView {
  @ApiProperty({ enum: ['delivery', 'visit', 'return'] })
  type!: string;

  @ApiProperty({ format: 'uuid' })
  orderId!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ type: MoneyDto, required: false, description: 'a return’s damage' })
  damage?: MoneyDto;
}

@ApiSchema({ name: 'Resource' })
export class ResourceView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: 'integer',
    description: 'the resource’s version, also its ETag: send it as If-Match to change it',
  })
  version!: number;

  @ApiProperty({ enum: RESOURCE_KINDS })
  kind!: string;

  @ApiProperty()
  @NotPersonal('equipment, never a person (RESOURCE_FIELDS)')
  name!: string;

  @ApiProperty({ enum: RESOURCE_STATES })
  state!: string;

  @ApiPropertyOptional({ format: 'date', required: false })
  inspectionValidTo?: string;

  @ApiPropertyOptional({ format: 'date', required: false })
  insuranceValidTo?: string;

  @ApiPropertyOptional({ type: MoneyDto, required: false, description: 'a tool’s price' })
  price?: MoneyDto;

  @ApiPropertyOptional({ type: ToolLoanView, required: false })
  loan?: ToolLoanView;

  @ApiProperty({ description: 'dispatchable today (or on `asOf`’s day)' })
  fit!: boolean;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...UNFIT_REASONS] } })
  unfitReasons!: string[];

  @ApiPropertyOptional({ type: ResourceRentalView, required: false, description: 'out on a lease' })
  rental?: ResourceRentalView;

  @ApiProperty({ type: [MaintenanceEntryView] })
  maintenanceLog!: MaintenanceEntryView[];

  @ApiProperty({ type: [PreparationCheckView] })
  checks!: PreparationCheckView[];

  @ApiProperty({ type: [RentalRecordView] })
  rentalRecords!: RentalRecordView[];

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;
}

@ApiSchema({ name: 'ResourcePage' })
export class ResourcePageView {
  @ApiProperty({ type: [ResourceView] })
  items!: ResourceView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}
