import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NotPersonal, Personal } from './personal';

/** One event as histories and the audit trail show it: who, when, on whose behalf, why, which fields. */
export class EventRecordView {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ example: 'CustomerContactsChanged' })
  @NotPersonal('an event type')
  type!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    description: 'who: a user’s id (UUID), or `system:<process>` for the platform’s own processes',
    example: 'system:periodic-visits',
  })
  @NotPersonal('a user’s id or a platform process')
  actorId!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  onBehalfOf?: string;

  @ApiPropertyOptional({ required: false })
  @Personal()
  reason?: string;

  @ApiPropertyOptional({ required: false })
  @NotPersonal('the platform’s correlation id')
  correlationId?: string;

  @ApiProperty({ type: [String], description: 'names of the fields the event set (values are not repeated)' })
  @NotPersonal('names of fields, never their values')
  fields!: string[];
}
