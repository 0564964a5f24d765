import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { MAINTENANCE_VISIT_STATUSES } from '@serviceops/contracts';
import { NotPersonal } from '../http/personal';

@ApiSchema({ name: 'MaintenanceVisit' })
export class MaintenanceVisitView {
  @ApiProperty({ format: 'uuid', description: 'the lease’s contract' })
  contractId!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ format: 'date', description: 'the day the contract schedules it' })
  dueOn!: string;

  @ApiProperty({
    enum: MAINTENANCE_VISIT_STATUSES,
    description: 'overdue: not done and its day past in your calendar (counted now)',
  })
  status!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description: 'when done: the rental visit’s order',
  })
  orderId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    required: false,
    description: 'when done: when the visit was recorded',
  })
  recordedAt?: string;
}

@ApiSchema({ name: 'MaintenanceVisitPage' })
export class MaintenanceVisitPageView {
  @ApiProperty({ type: [MaintenanceVisitView] })
  items!: MaintenanceVisitView[];

  @ApiPropertyOptional({ required: false, description: 'the next page’s cursor; absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}
