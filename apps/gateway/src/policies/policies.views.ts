import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CarePolicyDto, InquiryReplyPolicyDto, ReturnVisitPolicyDto } from './policies.dto';

@ApiSchema({ name: 'CustomerPolicy' })
export class CustomerPolicyView {
  @ApiProperty({
    type: 'integer',
    description: 'the policy’s version, also its ETag; 0: the defaults, never changed',
  })
  version!: number;

  @ApiProperty({ type: InquiryReplyPolicyDto })
  inquiryReply!: InquiryReplyPolicyDto;

  @ApiProperty({ type: ReturnVisitPolicyDto })
  returnVisits!: ReturnVisitPolicyDto;

  @ApiProperty({ type: CarePolicyDto })
  care!: CarePolicyDto;

  @ApiPropertyOptional({ format: 'date-time', required: false })
  changedAt?: string;

  @ApiPropertyOptional({ format: 'uuid', required: false, description: 'the user who changed it' })
  changedBy?: string;
}

@ApiSchema({ name: 'CustomerPolicyHistory' })
export class CustomerPolicyHistoryView {
  @ApiProperty({ type: [CustomerPolicyView], description: 'every version, oldest first' })
  versions!: CustomerPolicyView[];
}

/** The policy as gRPC gives it: proto3 leaves 0 and false off the wire. */
export interface CustomerPolicyReply {
  readonly version?: number;
  readonly inquiryReply?: { readonly withinBusinessHours?: number };
  readonly returnVisits?: { readonly afterServiceDays?: number; readonly everyDays?: number };
  readonly care?: { readonly birthdays?: boolean; readonly holidays?: boolean; readonly hour?: number };
  readonly changedAt?: string;
  readonly changedBy?: string;
}

export interface CustomerPolicyHistoryReply {
  readonly versions: CustomerPolicyReply[];
}

/** The REST answer says every number and flag, 0 and false included. */
export function customerPolicyView(policy: CustomerPolicyReply): CustomerPolicyView {
  const everyDays = policy.returnVisits?.everyDays;
  return {
    version: policy.version ?? 0,
    inquiryReply: { withinBusinessHours: policy.inquiryReply?.withinBusinessHours ?? 0 },
    returnVisits: {
      afterServiceDays: policy.returnVisits?.afterServiceDays ?? 0,
      ...(everyDays === undefined ? {} : { everyDays }),
    },
    care: {
      birthdays: policy.care?.birthdays === true,
      holidays: policy.care?.holidays === true,
      hour: policy.care?.hour ?? 0,
    },
    ...(policy.changedAt === undefined ? {} : { changedAt: policy.changedAt }),
    ...(policy.changedBy === undefined ? {} : { changedBy: policy.changedBy }),
  };
}
