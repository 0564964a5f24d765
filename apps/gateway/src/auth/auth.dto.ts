import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { RULES } from '@serviceops/kernel';
import { IsUUID, ValidateIf } from 'class-validator';
import { Follows, present } from '../http/validators';

@ApiSchema({ name: 'TokenRequest' })
export class TokenRequestDto {
  @Follows(RULES.loginName, { example: 'admin' })
  username!: string;

  @Follows(RULES.password, { example: 'correct horse battery staple', format: 'password' })
  password!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    required: false,
    description: 'The tenant, when the username is not unique across tenants',
  })
  @ValidateIf(present)
  @IsUUID()
  tenantId?: string;
}

@ApiSchema({ name: 'ActivationRequest' })
export class ActivationRequestDto {
  @Follows(RULES.activationToken, { description: 'the token of your invitation, as your admin gave it' })
  token!: string;

  @Follows(RULES.newPassword, { example: 'correct horse battery staple', format: 'password' })
  password!: string;
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
  /** Absent when 0 (proto3). */
  readonly tokenVersion?: number;
}
