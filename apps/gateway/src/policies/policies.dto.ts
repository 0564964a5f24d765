import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ExpectedVersion, present } from '../http/validators';

/** The bounds of the customers policy (the service checks them again: CUSTOMERS.INVALID_POLICY). */
const MAX_REPLY_HOURS = 720;
const MAX_AFTER_SERVICE_DAYS = 90;
const MAX_EVERY_DAYS = 3650;
const LAST_HOUR = 23;

@ApiSchema({ name: 'InquiryReplyPolicy' })
export class InquiryReplyPolicyDto {
  @ApiProperty({
    exclusiveMinimum: true,
    minimum: 0,
    maximum: MAX_REPLY_HOURS,
    example: 24,
    description: 'reply deadline in the tenant’s business hours (fractions allowed: 0.5 = 30 minutes)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(MAX_REPLY_HOURS)
  withinBusinessHours!: number;
}

@ApiSchema({ name: 'ReturnVisitPolicy' })
export class ReturnVisitPolicyDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_AFTER_SERVICE_DAYS,
    example: 3,
    description: 'days after a service that its return visit is due',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_AFTER_SERVICE_DAYS)
  afterServiceDays!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_EVERY_DAYS,
    required: false,
    nullable: true,
    description: 'days between periodic visits; absent (or null): no periodic visits',
  })
  @IsOptional() // null is allowed here: no periodic visits
  @IsInt()
  @Min(1)
  @Max(MAX_EVERY_DAYS)
  everyDays?: number | null;
}

@ApiSchema({ name: 'CarePolicy' })
export class CarePolicyDto {
  @ApiProperty({ description: 'birthday greetings come due' })
  @IsBoolean()
  birthdays!: boolean;

  @ApiProperty({ description: 'holiday greetings come due' })
  @IsBoolean()
  holidays!: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: LAST_HOUR,
    example: 9,
    description: 'the local hour greetings come due',
  })
  @IsInt()
  @Min(0)
  @Max(LAST_HOUR)
  hour!: number;
}

/** The whole policy: every section, every field (PUT replaces it). */
@ApiSchema({ name: 'ChangeCustomerPolicy' })
export class CustomerPolicyDto {
  @ApiProperty({ type: InquiryReplyPolicyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => InquiryReplyPolicyDto)
  inquiryReply!: InquiryReplyPolicyDto;

  @ApiProperty({ type: ReturnVisitPolicyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReturnVisitPolicyDto)
  returnVisits!: ReturnVisitPolicyDto;

  @ApiProperty({ type: CarePolicyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CarePolicyDto)
  care!: CarePolicyDto;
}

// ---- The public gRPC API's request ----
// proto3 leaves 0 and false off the wire, so over gRPC an absent number or flag is 0 or false, not missing.

class ReturnVisitPolicyMessage {
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_AFTER_SERVICE_DAYS)
  afterServiceDays?: number;

  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(MAX_EVERY_DAYS)
  everyDays?: number;
}

class CarePolicyMessage {
  @ValidateIf(present)
  @IsBoolean()
  birthdays?: boolean;

  @ValidateIf(present)
  @IsBoolean()
  holidays?: boolean;

  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(LAST_HOUR)
  hour?: number;
}

export class ChangeCustomerPolicyRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => InquiryReplyPolicyDto)
  inquiryReply!: InquiryReplyPolicyDto;

  @IsDefined()
  @ValidateNested()
  @Type(() => ReturnVisitPolicyMessage)
  returnVisits!: ReturnVisitPolicyMessage;

  @IsDefined()
  @ValidateNested()
  @Type(() => CarePolicyMessage)
  care!: CarePolicyMessage;

  @ExpectedVersion()
  expectedVersion?: number;
}
