import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { BUSINESS_LINES, NEED_KINDS, PERSONAL_TEXT } from '@serviceops/contracts';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { CHANNELS } from '../customers/customers.dto';
import { PageQuery } from '../http/page.query';
import { INQUIRY_FIELDS as F } from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { Follows, present } from '../http/validators';
import { Personal } from '../http/personal';
import { BodyOf } from '../routes/mount';

export const INQUIRY_STATUSES = ['open', 'overdue', 'answered', 'handed_off'] as const;

@BodyOf('customers.OpenInquiry')
@ApiSchema({ name: 'OpenInquiry' })
export class OpenInquiryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ enum: CHANNELS, description: 'how the inquiry came in' })
  @IsIn(CHANNELS)
  channel!: string;

  @Follows(F.subject, { example: 'Price of a yearly maintenance' })
  subject!: string;

  @Follows(F.content)
  content!: string;

  @ValidateIf(present)
  @Follows(F.answer, { required: false, description: 'answered on the spot: no reply deadline' })
  answer?: string;
}

@BodyOf('customers.AnswerInquiry')
@ApiSchema({ name: 'AnswerInquiry' })
export class AnswerInquiryDto {
  @Follows(F.answer)
  answer!: string;
}

@ApiSchema({ name: 'Period' })
export class PeriodDto {
  @Follows(RULES.dateOnly, { example: '2025-07-01', description: 'first day, YYYY-MM-DD' })
  from!: string;

  @Follows(RULES.dateOnly, {
    example: '2025-07-31',
    description: 'last day, YYYY-MM-DD; before from: 422 CUSTOMERS.NEED_PERIOD_REVERSED',
  })
  to!: string;
}

@ApiSchema({ name: 'SalesNeed' })
export class SalesNeedDto {
  @ApiProperty({ enum: NEED_KINDS })
  @IsIn(NEED_KINDS)
  kind!: string;

  @Follows(F.needType, {
    example: 'excavator',
    description: 'the equipment or service type: "excavator", "yearly maintenance"',
  })
  @Personal(PERSONAL_TEXT.inquiry['need.type'])
  type!: string;

  @ApiPropertyOptional({ enum: BUSINESS_LINES, required: false })
  @ValidateIf(present)
  @IsIn(BUSINESS_LINES)
  line?: string;

  @ApiPropertyOptional({ type: PeriodDto, required: false })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => PeriodDto)
  period?: PeriodDto;

  @ValidateIf(present)
  @Follows(F.place, { required: false })
  @Personal(PERSONAL_TEXT.inquiry['need.place'])
  place?: string;

  @ValidateIf(present)
  @Follows(F.requirements, { required: false })
  @Personal(PERSONAL_TEXT.inquiry['need.requirements'])
  requirements?: string;
}

@BodyOf('customers.HandOffInquiry')
@ApiSchema({ name: 'HandOffInquiry' })
export class HandOffInquiryDto {
  @ApiProperty({ type: SalesNeedDto, description: 'what sales is to offer' })
  @IsDefined()
  @ValidateNested()
  @Type(() => SalesNeedDto)
  need!: SalesNeedDto;
}

export class ListInquiriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INQUIRY_STATUSES, required: false })
  @ValidateIf(present)
  @IsIn(INQUIRY_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false })
  @ValidateIf(present)
  @IsUUID()
  customerId?: string;
}

// ---- The public gRPC API's requests ----
