import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { BUSINESS_LINES, ROLES } from '../access/roles';
import { BusinessCalendarDto } from './tenancy.dto';

@ApiSchema({ name: 'Branch' })
export class BranchView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: BUSINESS_LINES, isArray: true })
  businessLines!: string[];
}

@ApiSchema({ name: 'Tenant' })
export class TenantView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'the tenant’s version, also its ETag' })
  version!: number;

  @ApiProperty({ type: [BranchView] })
  branches!: BranchView[];

  @ApiProperty({ enum: BUSINESS_LINES, isArray: true })
  businessLines!: string[];

  @ApiPropertyOptional({ type: BusinessCalendarDto, required: false })
  calendar?: BusinessCalendarDto;
}

@ApiSchema({ name: 'User' })
export class UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: string[];

  @ApiPropertyOptional({ format: 'uuid', required: false })
  branchId?: string;

  @ApiPropertyOptional({ description: 'absent when false', required: false })
  disabled?: boolean;

  @ApiProperty({ description: 'the tenant’s version after this user’s last change, also the ETag' })
  tenantVersion!: number;

  @ApiProperty({
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
}

@ApiSchema({ name: 'UserPage' })
export class UserPageView {
  @ApiProperty({ type: [UserView] })
  items!: UserView[];
}
