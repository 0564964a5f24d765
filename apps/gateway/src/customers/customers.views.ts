import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { EventRecordView } from '../http/event-record.view';
import { CHANNELS } from './customers.dto';

@ApiSchema({ name: 'Customer' })
export class CustomerView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'the customer’s version, also its ETag' })
  version!: number;

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional({ required: false })
  phone?: string;

  @ApiPropertyOptional({ required: false })
  email?: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  branchId?: string;

  @ApiPropertyOptional({ required: false })
  notes?: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

@ApiSchema({ name: 'CustomerPage' })
export class CustomerPageView {
  @ApiProperty({ type: [CustomerView] })
  items!: CustomerView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  nextCursor?: string;
}

@ApiSchema({ name: 'HistoryEntry' })
export class HistoryEntryView extends EventRecordView {}

@ApiSchema({ name: 'History' })
export class HistoryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: [HistoryEntryView] })
  entries!: HistoryEntryView[];
}
