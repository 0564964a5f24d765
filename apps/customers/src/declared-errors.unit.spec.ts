import { describeDeclaredErrors } from '@serviceops/platform/testing';
import { CareErrorCode } from './domain/care/care.errors';
import { CustomerErrorCode } from './domain/customer/customer.errors';
import { InquiryErrorCode } from './domain/inquiry/inquiry.errors';
import { CustomerPolicyErrorCode } from './domain/policy/customer-policy.errors';
import { ReturnVisitErrorCode } from './domain/return-visit/return-visit.errors';

describeDeclaredErrors(
  'customers',
  [CareErrorCode, CustomerErrorCode, InquiryErrorCode, CustomerPolicyErrorCode, ReturnVisitErrorCode],
  {
    [CareErrorCode.INVALID_OCCASION]: 'raised by the greetings’ timers only, never by a method',
    [CareErrorCode.INVALID_DATE]: 'raised by the greetings’ timers only, never by a method',
  },
);
