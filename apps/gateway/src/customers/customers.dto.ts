import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../http/page.query';

export const CHANNELS = ['phone', 'email', 'web_form', 'online_chat', 'walk_in'] as const;
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

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
  @Matches(PHONE, { message: 'phone must be a phone number: digits, spaces or dashes, optionally after +' })
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
}

/** A contact is validated only when set to a value: null, "" (gRPC's way to say null) and absent pass. */
function changesTo(_dto: object, value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
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
  @Matches(PHONE, { message: 'phone must be a phone number: digits, spaces or dashes, optionally after +' })
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
}

// ---- The public gRPC API's requests ----

export class ChangeCustomerContactsRequest extends ChangeContactsDto {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

export class GetCustomerRequest extends GetCustomerQuery {
  @IsUUID()
  id!: string;
}

export class GetCustomerHistoryRequest {
  @IsUUID()
  id!: string;
}
