import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../http/page.query';

/** What a platform operator sees a tenant as: running, or switched off (its users cannot log in). */
export const TENANT_STATUSES = ['active', 'disabled'] as const;

@ApiSchema({ name: 'NewTenantAdmin' })
export class NewTenantAdminDto {
  @ApiProperty({ example: 'boss', minLength: 1, maxLength: 100, description: 'the first admin’s login' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ minLength: 8, maxLength: 200, format: 'password' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ example: 'Zhang Wei', maxLength: 200, required: false, default: 'Administrator' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;
}

@ApiSchema({ name: 'CreateTenant' })
export class CreateTenantDto {
  @ApiProperty({ example: 'Acme Repairs Ltd.', maxLength: 200, description: 'unique across tenants' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    required: false,
    description: 'IANA time zone of the business calendar (default Asia/Shanghai, Mon–Fri 09:00–18:00)',
  })
  @IsOptional()
  @IsString()
  @IsTimeZone()
  timeZone?: string;

  @ApiProperty({ type: NewTenantAdminDto, description: 'the tenant’s first admin' })
  @IsDefined()
  @ValidateNested()
  @Type(() => NewTenantAdminDto)
  admin!: NewTenantAdminDto;
}

export class ListTenantsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TENANT_STATUSES, required: false })
  @IsOptional()
  @IsIn(TENANT_STATUSES)
  status?: string;
}

// ---- The public gRPC API's requests ----

export class GetTenantByIdRequest {
  @IsUUID()
  tenantId!: string;
}

export class ChangeTenantStatusRequest extends GetTenantByIdRequest {
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}
