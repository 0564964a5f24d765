import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { TENANT_STATUSES } from './tenants.dto';
import { NotPersonal } from '../http/personal';

@ApiSchema({ name: 'TenantRecord' })
export class TenantRecordView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  @NotPersonal('a business')
  @NotPersonal('a business')
  name!: string;

  @ApiProperty({ enum: TENANT_STATUSES })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the tenant’s version, also its ETag' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'time zone of its business calendar' })
  @NotPersonal('a time zone')
  @NotPersonal('a time zone')
  timeZone!: string;
}

@ApiSchema({ name: 'CreatedTenant' })
export class CreatedTenantView extends TenantRecordView {
  @ApiProperty({ format: 'uuid', description: 'the first admin’s user id' })
  adminUserId!: string;
}

@ApiSchema({ name: 'TenantRecordPage' })
export class TenantRecordPageView {
  @ApiProperty({ type: [TenantRecordView] })
  items!: TenantRecordView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}
