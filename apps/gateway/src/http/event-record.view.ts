import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One event as histories and the audit trail show it: who, when, on whose behalf, why, which fields. */
export class EventRecordView {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ example: 'CustomerContactsChanged' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    description: 'who: a user’s id (UUID), or `system:<process>` for the platform’s own processes',
    example: 'system:periodic-visits',
  })
  actorId!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  onBehalfOf?: string;

  @ApiPropertyOptional({ required: false })
  reason?: string;

  @ApiPropertyOptional({ required: false })
  correlationId?: string;

  @ApiProperty({ type: [String], description: 'names of the fields the event set (values are not repeated)' })
  fields!: string[];
}
