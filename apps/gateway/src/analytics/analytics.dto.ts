import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import { EventRecordView } from '../http/event-record.view';
import { LimitQuery } from '../http/page.query';
import { Follows, present } from '../http/validators';
import { matching, RULES, text } from '@serviceops/kernel';
import { NotPersonal } from '../http/personal';

/** An entity's name in the audit trail: `customer`, `return_visit`. */
const ENTITY = matching(/^[a-z][a-z_]{0,49}$/, 'must be a lower-case entity name');

export class AuditQuery extends LimitQuery {
  @ValidateIf(present)
  @Follows(RULES.seqCursor, { required: false, description: 'nextCursor of the previous page' })
  cursor?: string;

  @ValidateIf(present)
  @Follows(ENTITY, { example: 'customer', required: false, description: '`customer`, `tenant`, …' })
  entity?: string;

  @ValidateIf(present)
  @Follows(text(1, 200), { required: false, description: 'with `entity`: one record’s trail' })
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  actorId?: string;
}

@ApiSchema({ name: 'CustomerStats' })
export class CustomerStatsView {
  @ApiProperty({ format: 'uuid' })
  tenantId!: string;

  @ApiProperty({ type: 'integer', description: 'customers registered', example: 42 })
  customers!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { phone: 30, walk_in: 12 },
    description: 'customers by first-contact channel',
  })
  byChannel!: Record<string, number>;

  @ApiProperty({
    format: 'date-time',
    description: 'when the figures last changed (1970-01-01T00:00:00.000Z before any)',
  })
  updatedAt!: string;
}

@ApiSchema({ name: 'AuditEntry' })
export class AuditEntryView extends EventRecordView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'customer' })
  @NotPersonal('a record’s kind')
  entity!: string;

  @ApiProperty()
  @NotPersonal('a record’s id')
  entityId!: string;

  @ApiProperty({ example: 'customers', description: 'the service that recorded it' })
  @NotPersonal('a service’s name')
  service!: string;
}

@ApiSchema({ name: 'AuditPage' })
export class AuditPageView {
  @ApiProperty({ type: [AuditEntryView] })
  items!: AuditEntryView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}
