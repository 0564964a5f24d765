import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { BUSINESS_LINES, CUSTOMER_CHANNELS } from '@serviceops/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../http/page.query';
import { changesTo, ExpectedVersion, IsDateOnly, present } from '../http/validators';

export const CHANNELS = CUSTOMER_CHANNELS;
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const CUSTOMER_STATUSES = ['active', 'merged', 'erased'] as const;
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
const PHONE_MESSAGE = 'phone must be a phone number: digits, spaces or dashes, optionally after +';
const ID_NUMBER = /^[A-Za-z0-9]{1,40}$/;
const ID_NUMBER_MESSAGE = 'idNumber must be 1–40 letters or digits';
const MAX_NEEDS = BUSINESS_LINES.length;

/** One need per business line: the line is what tells two needs apart. */
const lineOf = (need: unknown): unknown => (need as { line?: unknown } | null)?.line;

@ApiSchema({ name: 'Need' })
export class NeedDto {
  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  line!: string;

  @ApiPropertyOptional({ maxLength: 2000, required: false, description: 'what the customer needs' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  needs?: string;

  @ApiPropertyOptional({ maxLength: 2000, required: false })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  preferences?: string;
}

@ApiSchema({ name: 'RegisterCustomer' })
export class RegisterCustomerDto {
  @ApiProperty({ example: 'Wang Fang', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '+86 138 0000 0000', pattern: PHONE.source, required: false })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ example: 'wang.fang@example.com', format: 'email', required: false })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiProperty({ enum: CHANNELS, description: 'how the customer first reached us' })
  @IsIn(CHANNELS)
  channel!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ maxLength: 10_000, required: false })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;

  @ApiPropertyOptional({ enum: GENDERS, required: false })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '1990-05-17',
    required: false,
    description: 'YYYY-MM-DD, not in the future',
  })
  @IsOptional()
  @IsDateOnly()
  birthDate?: string;

  @ApiPropertyOptional({ maxLength: 500, required: false })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ pattern: ID_NUMBER.source, required: false, description: 'ID card number' })
  @IsOptional()
  @IsString()
  @Matches(ID_NUMBER, { message: ID_NUMBER_MESSAGE })
  idNumber?: string;

  @ApiPropertyOptional({
    type: [NeedDto],
    maxItems: MAX_NEEDS,
    required: false,
    description: 'needs and preferences, at most one entry per business line',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_NEEDS)
  @ArrayUnique(lineOf, { message: 'needs must name each line once' })
  @ValidateNested({ each: true })
  @Type(() => NeedDto)
  needs?: NeedDto[];

  @ApiPropertyOptional({
    required: false,
    description:
      'register even though customers with the same phone, email or ID number exist (else 409 ' +
      'CUSTOMERS.DUPLICATE_SUSPECTED names them)',
  })
  @IsOptional()
  @IsBoolean()
  confirmDuplicate?: boolean;
}

@ApiSchema({ name: 'ChangeCustomerContacts' })
export class ChangeContactsDto {
  @ApiPropertyOptional({
    example: '+86 138 0000 0001',
    pattern: PHONE.source,
    required: false,
    nullable: true,
    description: 'null (or "") removes the phone; absent leaves it as it is',
  })
  @ValidateIf(changesTo)
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({
    example: 'wang.fang@example.org',
    format: 'email',
    required: false,
    nullable: true,
    description: 'null (or "") removes the email; absent leaves it as it is',
  })
  @ValidateIf(changesTo)
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({
    maxLength: 500,
    required: false,
    nullable: true,
    description: 'null (or "") removes the address; absent leaves it as it is',
  })
  @ValidateIf(changesTo)
  @IsString()
  @MaxLength(500)
  address?: string | null;
}

/** The fields of the customer file a change names; absent ones stay as they are. */
class CustomerFileChanges {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    required: false,
    description: 'cannot be removed',
  })
  @ValidateIf(present)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: GENDERS, required: false, nullable: true, description: 'null removes it' })
  @ValidateIf(changesTo)
  @IsIn(GENDERS)
  gender?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    required: false,
    nullable: true,
    description: 'YYYY-MM-DD, not in the future; null removes it',
  })
  @ValidateIf(changesTo)
  @IsDateOnly()
  birthDate?: string | null;

  @ApiPropertyOptional({
    pattern: ID_NUMBER.source,
    required: false,
    nullable: true,
    description: 'null removes it',
  })
  @ValidateIf(changesTo)
  @IsString()
  @Matches(ID_NUMBER, { message: ID_NUMBER_MESSAGE })
  idNumber?: string | null;

  @ApiPropertyOptional({
    maxLength: 10_000,
    required: false,
    nullable: true,
    description: 'null removes them',
  })
  @ValidateIf(changesTo)
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;
}

@ApiSchema({ name: 'UpdateCustomerFile' })
export class UpdateCustomerFileDto extends CustomerFileChanges {
  @ApiPropertyOptional({
    type: [NeedDto],
    maxItems: MAX_NEEDS,
    required: false,
    description: 'replaces the needs of every line when present ([] clears them)',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_NEEDS)
  @ArrayUnique(lineOf, { message: 'needs must name each line once' })
  @ValidateNested({ each: true })
  @Type(() => NeedDto)
  needs?: NeedDto[];
}

@ApiSchema({ name: 'MergeCustomers' })
export class MergeCustomersDto {
  @ApiProperty({ format: 'uuid', description: 'the duplicate merged into this customer (or taken back out)' })
  @IsUUID()
  duplicateId!: string;
}

@ApiSchema({ name: 'EraseCustomer' })
export class EraseCustomerDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'the customer asked to be forgotten' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class GetCustomerQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    required: false,
    description: 'ISO 8601 time: the customer as it was then',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class ListCustomersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CHANNELS, required: false })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES, required: false, description: 'active when absent' })
  @IsOptional()
  @IsIn(CUSTOMER_STATUSES)
  status?: string;
}

// ---- The public gRPC API's requests: the REST body's shape plus ids and expected versions ----

export class GetByIdRequest {
  @IsUUID()
  id!: string;
}

export class ChangeCustomerContactsRequest extends ChangeContactsDto {
  @IsUUID()
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number;
}

/** gRPC wraps the list so that "absent" (no change) and "empty" (clear) differ. */
export class NeedListDto {
  @IsArray()
  @ArrayMaxSize(MAX_NEEDS)
  @ArrayUnique(lineOf, { message: 'needs must name each line once' })
  @ValidateNested({ each: true })
  @Type(() => NeedDto)
  items!: NeedDto[];
}

export class UpdateCustomerFileRequest extends CustomerFileChanges {
  @IsUUID()
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => NeedListDto)
  needs?: NeedListDto;
}

export class MergeCustomersRequest extends MergeCustomersDto {
  @IsUUID()
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number;
}

export class EraseCustomerRequest extends EraseCustomerDto {
  @IsUUID()
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number;
}

export class GetCustomerRequest extends GetCustomerQuery {
  @IsUUID()
  id!: string;
}

export class GetCustomerHistoryRequest extends GetByIdRequest {}

export class GetCustomerTimelineRequest extends PageQuery {
  @IsUUID()
  id!: string;
}
