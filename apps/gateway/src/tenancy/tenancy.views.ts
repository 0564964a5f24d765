import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { RULES } from '@serviceops/kernel';
import { BUSINESS_LINES, ROLES } from '../access/roles';
import { BusinessCalendarDto } from './tenancy.dto';
import { NotPersonal, Personal, Secret } from '../http/personal';

@ApiSchema({ name: 'Branch' })
export class BranchView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  @NotPersonal('a business’s branch')
  name!: string;

  @ApiProperty({ enum: BUSINESS_LINES, isArray: true })
  businessLines!: string[];
}

@ApiSchema({ name: 'Tenant' })
export class TenantView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  @NotPersonal('a business')
  name!: string;

  @ApiProperty({ type: 'integer', description: 'the tenant’s version, also its ETag' })
  version!: number;

  @ApiProperty({ type: [BranchView] })
  branches!: BranchView[];

  @ApiProperty({ enum: BUSINESS_LINES, isArray: true })
  businessLines!: string[];

  @ApiProperty({ type: BusinessCalendarDto })
  calendar!: BusinessCalendarDto;

  @ApiProperty({
    description:
      'set when a platform operator disabled the tenant (its users’ calls are then refused, so false here)',
  })
  disabled!: boolean;
}

@ApiSchema({ name: 'User' })
export class UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  @NotPersonal('a sign-in name, chosen to be known')
  username!: string;

  @ApiProperty()
  @Personal()
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: string[];

  @ApiPropertyOptional({ format: 'uuid', required: false })
  branchId?: string;

  @ApiProperty({ description: 'a disabled user cannot sign in' })
  disabled!: boolean;

  @ApiProperty({
    type: 'integer',
    description: 'the tenant’s version after this user’s last change, also the ETag',
  })
  tenantVersion!: number;

  @ApiProperty({
    type: 'integer',
    description:
      'bumped when the user’s roles change or the user is disabled: older access tokens are refused',
  })
  tokenVersion!: number;

  @ApiPropertyOptional({
    description:
      'a staff member’s login made at hiring, without a password yet: signing in is refused until one is set (absent when false)',
    required: false,
  })
  pendingActivation?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'while pending: when the latest activation invitation expires (`POST /users/{id}/invitation` issues another)',
    required: false,
  })
  invitationExpiresAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'the staff member this user is the login of: made at hire (the same id) or linked (`PUT /users/{id}/staff-member`)',
    required: false,
  })
  staffId?: string;

  @ApiPropertyOptional({
    description:
      'erased (`POST /users/{id}/erase`): disabled for good, `displayName` empty and unreadable everywhere, `username` a pseudonym (absent when false)',
    required: false,
  })
  erased?: boolean;
}

@ApiSchema({ name: 'UserPage' })
export class UserPageView {
  @ApiProperty({ type: [UserView] })
  items!: UserView[];
}

@ApiSchema({ name: 'UserInvitation' })
export class UserInvitationView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ format: 'uuid' })
  invitationId!: string;

  @ApiPropertyOptional({
    description:
      'the secret to hand to the person, shown this once (only its hash is stored; a replay with the same Idempotency-Key leaves it out): they send it to `POST /auth/activate`',
    pattern: RULES.activationToken.schema.pattern,
    required: false,
  })
  @Secret()
  token?: string;

  @ApiProperty({ format: 'date-time', description: 'the token works until this instant (excluded)' })
  expiresAt!: string;

  @ApiPropertyOptional({
    description: 'the activation page (ACTIVATION_URL) with the token in its fragment, when configured',
    required: false,
  })
  @Secret()
  activationUrl?: string;

  @ApiProperty({ type: 'integer', description: 'the tenant’s version after the invitation, also the ETag' })
  tenantVersion!: number;
}
