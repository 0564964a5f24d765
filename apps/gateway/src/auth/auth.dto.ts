import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ApiSchema({ name: 'TokenRequest' })
export class TokenRequestDto {
  @ApiProperty({ example: 'admin', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple', maxLength: 200, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description: 'The tenant, when the username is not unique across tenants',
  })
  @IsOptional()
  @IsUUID()
  tenantId?: string;
}

@ApiSchema({ name: 'Token' })
export class TokenView {
  @ApiProperty({ description: 'JWT (HS256) to send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 })
  expiresIn!: number;
}

/** Tenancy.Authenticate's answer. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly tenantId: string;
  readonly username: string;
  readonly roles: readonly string[];
}
