import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RULES } from '@serviceops/kernel';
import { BUSINESS_LINES, ROLES } from '../access/roles';
import { Follows, NEW_PASSWORD, present } from '../http/validators';
import { NotPersonal } from '../http/personal';
import { BodyOf } from '../routes/mount';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE_HH_MM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** The IANA zones this runtime knows: OpenAPI lists them, so a generated client picks one the server takes. */
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

@ApiSchema({ name: 'AddBranch' })
@BodyOf('tenancy.AddBranch')
export class AddBranchDto {
  @Follows(RULES.name, { example: 'Downtown workshop' })
  name!: string;

  @ApiPropertyOptional({ enum: BUSINESS_LINES, isArray: true, uniqueItems: true, required: false })
  @ValidateIf(present)
  @IsArray()
  @ArrayUnique()
  @IsIn(BUSINESS_LINES, { each: true })
  businessLines?: string[];
}

@ApiSchema({ name: 'EnableBusinessLine' })
@BodyOf('tenancy.EnableBusinessLine')
export class EnableBusinessLineDto {
  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  line!: string;
}

@ApiSchema({ name: 'WorkingDay' })
export class WorkingDayDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 7,
    description: 'ISO weekday: 1 = Monday … 7 = Sunday; each at most once (else 422 CALENDAR.INVALID)',
    example: 1,
  })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiProperty({ example: '09:00', pattern: HH_MM.source, description: 'local time HH:MM' })
  @IsString()
  @Matches(HH_MM, { message: 'open must be a time HH:MM' })
  @NotPersonal('a time of day')
  open!: string;

  @ApiProperty({
    example: '18:00',
    pattern: CLOSE_HH_MM.source,
    description: 'local time HH:MM (24:00: midnight)',
  })
  @IsString()
  @Matches(CLOSE_HH_MM, { message: 'close must be a time HH:MM' })
  @NotPersonal('a time of day')
  close!: string;
}

@ApiSchema({ name: 'BusinessCalendar' })
export class BusinessCalendarDto {
  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA time zone', enum: TIME_ZONES })
  @IsString()
  @IsTimeZone()
  timeZone!: string;

  @ApiProperty({
    type: [WorkingDayDto],
    maxItems: 7,
    description: 'one entry per open weekday; close after open (else 422 CALENDAR.INVALID)',
  })
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WorkingDayDto)
  workingHours!: WorkingDayDto[];

  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique()
  @Follows(
    RULES.dateOnly,
    {
      example: ['2025-10-01'],
      maxItems: 366,
      uniqueItems: true,
      description: 'closed local dates YYYY-MM-DD',
    },
    { each: true },
  )
  holidays!: string[];
}

@ApiSchema({ name: 'RegisterUser' })
export class RegisterUserDto {
  @Follows(RULES.username, { example: 'alice', description: 'case-insensitive; kept in lower case' })
  username!: string;

  @Follows(RULES.name, { example: 'Alice Li' })
  displayName!: string;

  @Follows(RULES.newPassword, NEW_PASSWORD)
  password!: string;

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    minItems: 1,
    uniqueItems: true,
    example: ['customer_service_agent'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: string[];

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  branchId?: string;
}

@ApiSchema({ name: 'ChangeUserRoles' })
export class ChangeUserRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1, uniqueItems: true, example: ['service_advisor'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: string[];
}

@ApiSchema({ name: 'SetUserPassword' })
export class SetUserPasswordDto {
  @Follows(RULES.newPassword, NEW_PASSWORD)
  password!: string;
}

@ApiSchema({ name: 'LinkUserToStaff' })
export class LinkUserToStaffDto {
  @ApiProperty({ format: 'uuid', description: 'a staff member of your tenant who has not left' })
  @IsUUID()
  staffId!: string;
}

// ---- The public gRPC API's requests, where their shape is the REST body's plus ids and versions ----

class ExpectedVersion {
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

export class SetBusinessCalendarRequest extends ExpectedVersion {
  @ValidateNested()
  @Type(() => BusinessCalendarDto)
  calendar!: BusinessCalendarDto;
}

export class ChangeUserRolesRequest extends ChangeUserRolesDto {
  @IsUUID()
  userId!: string;

  @ValidateIf(present)
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

export class GetUserRequest {
  @IsUUID()
  userId!: string;
}

export class SetUserPasswordRequest extends ExpectedVersion {
  @IsUUID()
  userId!: string;

  @Follows(RULES.newPassword, NEW_PASSWORD)
  password!: string;
}

export class DisableUserRequest extends ExpectedVersion {
  @IsUUID()
  userId!: string;
}

/** A user named by the path and the tenant's version: the same shape as DisableUser's. */
export class IssueUserInvitationRequest extends DisableUserRequest {}

/** A user named by the path and the tenant's version: the same shape as DisableUser's. */
export class EraseUserRequest extends DisableUserRequest {}

export class LinkUserToStaffRequest extends DisableUserRequest {
  @IsUUID()
  staffId!: string;
}

/** A user named by the path and the tenant's version: the same shape as DisableUser's. */
export class UnlinkUserFromStaffRequest extends DisableUserRequest {}
