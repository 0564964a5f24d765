import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { RULES } from '@serviceops/kernel';
import { IsUUID, ValidateIf } from 'class-validator';
import { Follows, NEW_PASSWORD, present } from '../http/validators';
import { Secret } from '../http/personal';

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

  @Follows(RULES.newPassword, { ...NEW_PASSWORD, example: 'correct horse battery staple' })
  password!: string;
}

@ApiSchema({ name: 'RefreshRequest' })
export class RefreshRequestDto {
  @Follows(RULES.refreshToken, {
    description: 'the refresh token of your sign-in, as the last answer gave it',
  })
  refreshToken!: string;
}

@ApiSchema({ name: 'LogoutRequest' })
export class LogoutRequestDto {
  @Follows(RULES.refreshToken, { description: 'a refresh token of the sign-in to end' })
  refreshToken!: string;
}

@ApiSchema({ name: 'Token' })
export class TokenView {
  @ApiProperty({ description: 'JWT (HS256) to send as `Authorization: Bearer <token>`' })
  @Secret()
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Opaque; exchange it at `POST /auth/refresh` for the next access token before `refreshExpiresAt`. Works once: the answer carries the next one',
    pattern: RULES.refreshToken.schema.pattern,
  })
  @Secret()
  refreshToken!: string;

  @ApiProperty({
    format: 'date-time',
    description:
      'When this sign-in’s refresh tokens stop working, whatever the refreshes: sign in again then',
  })
  refreshExpiresAt!: string;
}

@ApiSchema({ name: 'Logout' })
export class LogoutView {
  @ApiProperty({
    enum: [true],
    description: 'The refresh token works no more, whether it named a sign-in or not',
  })
  revoked!: true;
}

/** Tenancy's answer to a sign-in, an activation or a refresh: the user, and the sign-in's next refresh token. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly tenantId: string;
  readonly username: string;
  readonly roles: readonly string[];
  /** Absent when 0 (proto3). */
  readonly tokenVersion?: number;
  readonly refreshToken: string;
  readonly refreshExpiresAt: string;
}
