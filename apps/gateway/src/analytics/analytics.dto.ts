import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQuery {
  @ApiPropertyOptional({ example: 'customer', required: false, description: '`customer`, `tenant`, …' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z_]{0,49}$/, { message: 'entity must be a lower-case entity name' })
  entity?: string;

  @ApiPropertyOptional({ required: false, description: 'with `entity`: one record’s trail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ required: false, description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

@ApiSchema({ name: 'CustomerStats' })
export class CustomerStatsView {
  @ApiProperty({ format: 'uuid' })
  tenantId!: string;

  @ApiProperty({ description: 'customers registered', example: 42 })
  customers!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { phone: 30, walk_in: 12 },
    description: 'customers by first-contact channel',
  })
  byChannel!: Record<string, number>;

  @ApiPropertyOptional({ format: 'date-time', required: false, description: 'when the figures last changed' })
  updatedAt?: string;
}

@ApiSchema({ name: 'AuditEntry' })
export class AuditEntryView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'customer' })
  entity!: string;

  @ApiProperty()
  entityId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ example: 'CustomerRegistered' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ format: 'uuid' })
  actorId!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  onBehalfOf?: string;

  @ApiPropertyOptional({ required: false })
  reason?: string;

  @ApiPropertyOptional({ required: false })
  correlationId?: string;

  @ApiProperty({ type: [String], description: 'names of the fields the event set' })
  fields!: string[];

  @ApiProperty({ example: 'customers', description: 'the service that recorded it' })
  service!: string;
}

@ApiSchema({ name: 'AuditPage' })
export class AuditPageView {
  @ApiProperty({ type: [AuditEntryView] })
  items!: AuditEntryView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  nextCursor?: string;
}
