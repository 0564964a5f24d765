import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsString,
  IsTimeZone,
  IsUUID,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RULES } from '@serviceops/kernel';
import { LimitQuery } from '../http/page.query';
import { Follows, NEW_PASSWORD, present } from '../http/validators';
import { BodyOf } from '../routes/mount';
import { TIME_ZONES } from '../tenancy/tenancy.dto';

/** What a platform operator sees a tenant as: running, or switched off (its users cannot log in). */
export const TENANT_STATUSES = ['active', 'disabled'] as const;

@ApiSchema({ name: 'NewTenantAdmin' })
export class NewTenantAdminDto {
  @Follows(RULES.username, { example: 'boss', description: 'the first admin’s login' })
  username!: string;

  @Follows(RULES.newPassword, NEW_PASSWORD)
  password!: string;

  @ValidateIf(present)
  @Follows(RULES.name, {
    example: 'Zhang Wei',
    required: false,
    default: 'Administrator',
    description: 'the admin’s name as others see it; "Administrator" when absent',
  })
  displayName?: string;
}

@ApiSchema({ name: 'CreateTenant' })
@BodyOf('tenancy.CreateTenant')
export class CreateTenantDto {
  @Follows(RULES.name, { example: 'Acme Repairs Ltd.', description: 'unique across tenants' })
  name!: string;

  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    required: false,
    enum: TIME_ZONES,
    description: 'IANA time zone of the business calendar (default Asia/Shanghai, Mon–Fri 09:00–18:00)',
  })
  @ValidateIf(present)
  @IsString()
  @IsTimeZone()
  timeZone?: string;

  @ApiProperty({ type: NewTenantAdminDto, description: 'the tenant’s first admin' })
  @IsDefined()
  @ValidateNested()
  @Type(() => NewTenantAdminDto)
  admin!: NewTenantAdminDto;
}

export class ListTenantsQuery extends LimitQuery {
  @ValidateIf(present)
  @Follows(RULES.nameCursor, { required: false, description: 'nextCursor of the previous page' })
  cursor?: string;

  @ApiPropertyOptional({ enum: TENANT_STATUSES, required: false })
  @ValidateIf(present)
  @IsIn(TENANT_STATUSES)
  status?: string;
}

// ---- The public gRPC API's requests ----

export class GetTenantByIdRequest {
  @IsUUID()
  tenantId!: string;
}

export class ChangeTenantStatusRequest extends GetTenantByIdRequest {
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}
