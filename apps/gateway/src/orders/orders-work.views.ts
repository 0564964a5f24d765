import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { MoneyDto } from '../http/money.dto';
import { QuoteItemDto } from './orders-work.dto';
import { NotPersonal, Personal } from '../http/personal';
import { PERSONAL_TEXT } from '@serviceops/contracts';

export const WORK_ORDER_STATUSES = ['not_started', 'started', 'completed', 'closed'] as const;
export const QUOTE_STATUSES = ['offered', 'accepted', 'declined'] as const;

@ApiSchema({ name: 'Quote' })
export class QuoteView {
  @ApiProperty({ type: [QuoteItemDto] })
  items!: QuoteItemDto[];

  @ApiProperty({ type: MoneyDto })
  total!: MoneyDto;

  @ApiProperty({ format: 'date-time' })
  validUntil!: string;

  @ApiProperty({ enum: QUOTE_STATUSES })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  decidedAt?: string;
}

@ApiSchema({ name: 'ExtraWork' })
export class ExtraWorkView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiPropertyOptional({ required: false, description: 'absent when masked' })
  @Personal(PERSONAL_TEXT.workOrder['extras.description'])
  description?: string;

  @ApiProperty({ type: MoneyDto })
  estimatedPrice!: MoneyDto;

  @ApiProperty({ description: 'by the front desk' })
  approved!: boolean;

  @ApiProperty({ description: 'by the customer' })
  consented!: boolean;

  @ApiProperty()
  started!: boolean;

  @ApiProperty({ format: 'date-time' })
  proposedAt!: string;
}

@ApiSchema({ name: 'PartLine' })
export class PartLineView {
  @ApiProperty()
  @NotPersonal('a part number')
  partId!: string;

  @ApiProperty({ type: 'integer' })
  issued!: number;

  @ApiProperty({ type: 'integer', description: 'never back to stock' })
  used!: number;

  @ApiProperty({ type: 'integer', description: 'unused, back to the store' })
  returned!: number;
}

@ApiSchema({ name: 'TakeBack' })
export class TakeBackView {
  @ApiProperty()
  @NotPersonal('a receipt’s number')
  receipt!: string;

  @ApiProperty({ format: 'date-time' })
  loggedInAt!: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  loggedOutAt?: string;
}

@ApiSchema({ name: 'WorkOrder' })
export class WorkOrderView {
  @ApiProperty({ format: 'uuid', description: 'the order’s id' })
  id!: string;

  @ApiProperty({
    type: 'integer',
    description: 'the work order’s version (apart from the order’s), also its ETag: send it as If-Match',
  })
  version!: number;

  @ApiProperty({ enum: WORK_ORDER_STATUSES })
  status!: string;

  @ApiProperty({ description: 'paid work: quoted, starts once the customer accepts' })
  quoteRequired!: boolean;

  @ApiPropertyOptional({ type: QuoteView, required: false })
  quote?: QuoteView;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  staffId?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  resourceId?: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  startedAt?: string;

  @ApiProperty({ type: [ExtraWorkView] })
  extras!: ExtraWorkView[];

  @ApiProperty({ type: [PartLineView], description: 'the repair card’s parts' })
  parts!: PartLineView[];

  @ApiPropertyOptional({ type: TakeBackView, required: false, description: 'a take-back repair’s item' })
  takeBack?: TakeBackView;

  @ApiPropertyOptional({ required: false })
  selfCheckPassed?: boolean;

  @ApiPropertyOptional({ required: false })
  inspectionPassed?: boolean;

  @ApiPropertyOptional({ required: false })
  @NotPersonal('the inspector’s staff id')
  inspectorId?: string;

  @ApiPropertyOptional({ required: false, description: 'the repair card’s hours' })
  hours?: number;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  completedAt?: string;

  @ApiPropertyOptional({ type: 'integer', required: false })
  durationMinutes?: number;

  @ApiPropertyOptional({ required: false, description: 'the signed service voucher’s reference' })
  @NotPersonal('the signed voucher’s reference (WORK_ORDER_FIELDS.signature)')
  signature?: string;

  @ApiPropertyOptional({ required: false, description: 'absent when masked' })
  @Personal(PERSONAL_TEXT.workOrder.endSummary)
  endSummary?: string;

  @ApiProperty({ description: 'personal fields are masked: the caller’s roles do not include personal data' })
  masked!: boolean;
}
