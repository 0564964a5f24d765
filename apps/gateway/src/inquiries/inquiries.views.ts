import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CHANNELS } from '../customers/customers.dto';
import type { FromWire } from '../http/http.types';
import { INQUIRY_STATUSES, SalesNeedDto } from './inquiries.dto';
import { NotPersonal, Personal } from '../http/personal';
import { PERSONAL_TEXT } from '@serviceops/contracts';

@ApiSchema({ name: 'Inquiry' })
export class InquiryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'the inquiry’s version, also its ETag' })
  version!: number;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ enum: INQUIRY_STATUSES })
  status!: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: string;

  @ApiPropertyOptional({ required: false, description: 'absent when masked or erased' })
  @Personal(PERSONAL_TEXT.inquiry.subject)
  subject?: string;

  @ApiPropertyOptional({ required: false, description: 'absent when masked or erased' })
  @Personal(PERSONAL_TEXT.inquiry.content)
  content?: string;

  @ApiPropertyOptional({ required: false, description: 'absent until answered, or when masked or erased' })
  @Personal(PERSONAL_TEXT.inquiry.answer)
  answer?: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    required: false,
    description: 'reply deadline in business hours (absent when answered on the spot)',
  })
  replyDueAt?: string;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  answeredAt?: string;

  @ApiPropertyOptional({ required: false, description: 'answered after the reply deadline' })
  late?: boolean;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  overdueAt?: string;

  @ApiPropertyOptional({ type: SalesNeedDto, required: false, description: 'when handed off to sales' })
  need?: SalesNeedDto;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  handedOffAt?: string;

  @ApiProperty({
    type: 'integer',
    description: 'the customers policy version that set the reply deadline (0: the defaults)',
  })
  policyVersion!: number;

  @ApiProperty({ description: 'personal fields are masked: the caller’s roles do not include personal data' })
  masked!: boolean;
}

@ApiSchema({ name: 'InquiryPage' })
export class InquiryPageView {
  @ApiProperty({ type: [InquiryView] })
  items!: InquiryView[];

  @ApiPropertyOptional({ required: false, description: 'absent on the last page' })
  @NotPersonal('a page cursor')
  nextCursor?: string;
}

export type InquiryReply = FromWire<InquiryView, 'policyVersion' | 'masked'>;

export interface InquiryPageReply {
  readonly items: InquiryReply[];
  readonly nextCursor?: string;
}

/** The REST answer says what proto3 leaves off the wire (0, false). */
export function inquiryView(inquiry: InquiryReply): InquiryView {
  return { ...inquiry, policyVersion: inquiry.policyVersion ?? 0, masked: inquiry.masked === true };
}

export function inquiryPageView(page: InquiryPageReply): InquiryPageView {
  return { ...page, items: page.items.map(inquiryView) };
}
