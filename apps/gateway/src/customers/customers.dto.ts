import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { BUSINESS_LINES, CUSTOMER_CHANNELS } from '@serviceops/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { PageQuery } from '../http/page.query';
import { changesTo, ExpectedVersion, Follows, present, SchemaExtras } from '../http/validators';
import { GENDERS, RULES } from '@serviceops/kernel';
import { Personal } from '../http/personal';
import { BodyOf } from '../routes/mount';

export const CHANNELS = CUSTOMER_CHANNELS;
export { GENDERS };
export const CUSTOMER_STATUSES = ['active', 'merged', 'erased'] as const;
const MAX_NEEDS = BUSINESS_LINES.length;

@ApiSchema({ name: 'Need' })
export class NeedDto {
  @ApiProperty({ enum: BUSINESS_LINES })
  @IsIn(BUSINESS_LINES)
  line!: string;

  @ValidateIf(present)
  @Follows(RULES.needText, { required: false, description: 'what the customer needs' })
  @Personal()
  needs?: string;

  @ValidateIf(present)
  @Follows(RULES.needText, { required: false })
  @Personal()
  preferences?: string;
}

@ApiSchema({ name: 'RegisterCustomer' })
export class RegisterCustomerDto {
  @Follows(RULES.name, { example: 'Wang Fang' })
  name!: string;

  @ValidateIf(present)
  @Follows(RULES.phone, { example: '+86 138 0000 0000', required: false })
  phone?: string;

  @ValidateIf(present)
  @Follows(RULES.email, { example: 'wang.fang@example.com', required: false })
  email?: string;

  @ApiProperty({ enum: CHANNELS, description: 'how the customer first reached us' })
  @IsIn(CHANNELS)
  channel!: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  branchId?: string;

  @ValidateIf(present)
  @Follows(RULES.notes, { required: false })
  notes?: string;

  @ApiPropertyOptional({ enum: GENDERS, required: false })
  @ValidateIf(present)
  @IsIn(GENDERS)
  gender?: string;

  @ValidateIf(present)
  @Follows(RULES.dateOnly, {
    example: '1990-05-17',
    required: false,
    description: 'YYYY-MM-DD; in the future or before 1900: 422 CUSTOMERS.BIRTH_DATE_OUT_OF_RANGE',
  })
  birthDate?: string;

  @ValidateIf(present)
  @Follows(RULES.address, { required: false })
  address?: string;

  @ValidateIf(present)
  @Follows(RULES.idNumber, { required: false, description: 'ID card number' })
  idNumber?: string;

  @ApiPropertyOptional({
    type: [NeedDto],
    maxItems: MAX_NEEDS,
    required: false,
    description:
      'needs and preferences, at most one entry per business line (else 422 CUSTOMERS.NEED_LINE_REPEATED)',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_NEEDS)
  @ValidateNested({ each: true })
  @Type(() => NeedDto)
  needs?: NeedDto[];

  @ApiPropertyOptional({
    required: false,
    description:
      'register even though customers with the same phone, email or ID number exist (else 409 ' +
      'CUSTOMERS.DUPLICATE_SUSPECTED names them)',
  })
  @ValidateIf(present)
  @IsBoolean()
  confirmDuplicate?: boolean;
}

@ApiSchema({ name: 'ChangeCustomerContacts' })
@SchemaExtras('ChangeCustomerContacts', { minProperties: 1 })
export class ChangeContactsDto {
  @ValidateIf(changesTo)
  @Follows(RULES.phone, {
    example: '+86 138 0000 0001',
    required: false,
    nullable: true,
    description: 'null (or "") removes the phone; absent leaves it as it is',
  })
  phone?: string | null;

  @ValidateIf(changesTo)
  @Follows(RULES.email, {
    example: 'wang.fang@example.org',
    required: false,
    nullable: true,
    description: 'null (or "") removes the email; absent leaves it as it is',
  })
  email?: string | null;

  @ValidateIf(changesTo)
  @Follows(RULES.address, {
    required: false,
    nullable: true,
    description: 'null (or "") removes the address; absent leaves it as it is',
  })
  address?: string | null;
}

/** The fields of the customer file a change names; absent ones stay as they are. */
class CustomerFileChanges {
  @ValidateIf(present)
  @Follows(RULES.name, { required: false, description: 'cannot be removed' })
  name?: string;

  @ApiPropertyOptional({ enum: GENDERS, required: false, nullable: true, description: 'null removes it' })
  @ValidateIf(changesTo)
  @IsIn(GENDERS)
  gender?: string | null;

  @ValidateIf(changesTo)
  @Follows(RULES.dateOnly, {
    required: false,
    nullable: true,
    description: 'YYYY-MM-DD, not in the future, not before 1900; null removes it',
  })
  birthDate?: string | null;

  @ValidateIf(changesTo)
  @Follows(RULES.idNumber, { required: false, nullable: true, description: 'null removes it' })
  idNumber?: string | null;

  @ValidateIf(changesTo)
  @Follows(RULES.notes, { required: false, nullable: true, description: 'null removes them' })
  notes?: string | null;
}

@ApiSchema({ name: 'UpdateCustomerFile' })
@SchemaExtras('UpdateCustomerFile', { minProperties: 1 })
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
  @ValidateNested({ each: true })
  @Type(() => NeedDto)
  needs?: NeedDto[];
}

@ApiSchema({ name: 'MergeCustomers' })
@BodyOf('customers.MergeCustomers', 'customers.UndoCustomerMerge')
export class MergeCustomersDto {
  @ApiProperty({ format: 'uuid', description: 'the duplicate merged into this customer (or taken back out)' })
  @IsUUID()
  duplicateId!: string;
}

@ApiSchema({ name: 'EraseCustomer' })
@BodyOf('customers.EraseCustomer')
export class EraseCustomerDto {
  @Follows(RULES.reason, { example: 'the customer asked to be forgotten' })
  reason!: string;
}

export class GetCustomerQuery {
  @ValidateIf(present)
  @Follows(RULES.instant, { required: false, description: 'the customer as it was at this time' })
  asOf?: string;
}

export class ListCustomersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CHANNELS, required: false })
  @ValidateIf(present)
  @IsIn(CHANNELS)
  channel?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES, required: false, description: 'active when absent' })
  @ValidateIf(present)
  @IsIn(CUSTOMER_STATUSES)
  status?: string;
}

// ---- The public gRPC API's requests: the REST body's shape plus ids and expected versions ----

/** gRPC wraps the list so that "absent" (no change) and "empty" (clear) differ. */
export class NeedListDto {
  @IsArray()
  @ArrayMaxSize(MAX_NEEDS)
  @ValidateNested({ each: true })
  @Type(() => NeedDto)
  items!: NeedDto[];
}

export class UpdateCustomerFileRequest extends CustomerFileChanges {
  @IsUUID()
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number;

  @ValidateIf(present)
  @ValidateNested()
  @Type(() => NeedListDto)
  needs?: NeedListDto;
}
