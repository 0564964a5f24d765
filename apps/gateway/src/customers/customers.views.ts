import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { EventRecordView } from '../http/event-record.view';
import type { FromWire } from '../http/http.types';
import { CHANNELS, CUSTOMER_STATUSES, GENDERS, NeedDto } from './customers.dto';
import { NotPersonal, Personal } from '../http/personal';

@ApiSchema({ name: 'Customer' })
export class CustomerView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'the customer’s version, also its ETag' })
  version!: number;

  @ApiPropertyOptional({ required: false, description: 'absent once erased, or when masked' })
  @Personal()
  name?: string;

  @ApiPropertyOptional({ required: false })
  @Personal()
  phone?: string;

  @ApiPropertyOptional({ required: false })
  @Personal()
  email?: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  branchId?: string;

  @ApiPropertyOptional({ required: false })
  @Personal()
  notes?: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ enum: CUSTOMER_STATUSES })
  status!: string;

  @ApiPropertyOptional({ enum: GENDERS, required: false })
  @Personal()
  gender?: string;

  @ApiPropertyOptional({ format: 'date', required: false })
  @Personal()
  birthDate?: string;

  @ApiPropertyOptional({ required: false })
  @Personal()
  address?: string;

  @ApiPropertyOptional({ required: false })
  @Personal()
  idNumber?: string;

  @ApiProperty({ type: [NeedDto] })
  @Personal()
  needs!: NeedDto[];

  @ApiProperty({
    description: 'personal fields are masked: the caller’s roles do not include personal data',
  })
  masked!: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description: 'when merged: the customer it went into',
  })
  mergedInto?: string;

  @ApiProperty({ type: [String], description: 'ids of the duplicates merged into this customer' })
  @NotPersonal('ids of the customers merged into this one')
  mergedFrom!: string[];

  @ApiPropertyOptional({ format: 'date-time', required: false })
  erasedAt?: string;
}

@ApiSchema({ name: 'CustomerPage' })
export class CustomerPageView {
  @ApiProperty({ type: [CustomerView] })
  items!: CustomerView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

@ApiSchema({ name: 'HistoryEntry' })
export class HistoryEntryView extends EventRecordView {
  @ApiPropertyOptional({
    type: 'integer',
    required: false,
    description: 'the policy version the decision applied',
  })
  policyVersion?: number;
}

@ApiSchema({ name: 'History' })
export class HistoryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: [HistoryEntryView] })
  entries!: HistoryEntryView[];
}

@ApiSchema({ name: 'TimelineEntry' })
export class TimelineEntryView {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'inquiry', description: 'customer, inquiry, return_visit, care, …' })
  @NotPersonal('an entry’s kind')
  kind!: string;

  @ApiProperty({ example: 'InquiryReceived', description: 'the event' })
  @NotPersonal('an event type')
  type!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'id of the inquiry, visit, … (the customer’s own for its file)',
  })
  refId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'the customer this happened to (a duplicate merged into this one keeps its own id)',
  })
  customerId!: string;
}

@ApiSchema({ name: 'Timeline' })
export class TimelineView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: [TimelineEntryView] })
  entries!: TimelineEntryView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

export type CustomerReply = FromWire<CustomerView, 'masked'>;

export interface CustomerPageReply {
  readonly items: CustomerReply[];
  readonly nextCursor?: string;
}

/** The REST answer says what proto3 leaves off the wire (false). */
export function customerView(customer: CustomerReply): CustomerView {
  return { ...customer, masked: customer.masked === true };
}

export function customerPageView(page: CustomerPageReply): CustomerPageView {
  return { ...page, items: page.items.map(customerView) };
}
