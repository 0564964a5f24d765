import { Body, Controller, Headers, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import type { HttpResponse } from '../http/http.types';
import { parseIfMatch, withEtag } from '../http/if-match';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import { CustomerPolicyDto } from './policies.dto';
import {
  customerPolicyView,
  CustomerPolicyHistoryView,
  CustomerPolicyView,
  type CustomerPolicyHistoryReply,
  type CustomerPolicyReply,
} from './policies.views';

@ApiTags('policies')
@Controller()
export class PoliciesController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint('customers.GetCustomerPolicy', { type: CustomerPolicyView })
  async customers(
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerPolicyView> {
    const policy = await this.upstream.call<CustomerPolicyReply>('customers.GetCustomerPolicy', {}, caller);
    return withEtag(res, customerPolicyView(policy));
  }

  @Endpoint('customers.ChangeCustomerPolicy', { type: CustomerPolicyView })
  async changeCustomers(
    @Body() body: CustomerPolicyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerPolicyView> {
    const policy = await this.upstream.call<CustomerPolicyReply>(
      'customers.ChangeCustomerPolicy',
      {
        inquiryReply: { withinBusinessHours: body.inquiryReply.withinBusinessHours },
        returnVisits: {
          afterServiceDays: body.returnVisits.afterServiceDays,
          everyDays: body.returnVisits.everyDays ?? undefined,
        },
        care: { birthdays: body.care.birthdays, holidays: body.care.holidays, hour: body.care.hour },
        expectedVersion: parseIfMatch(ifMatch),
      },
      caller,
    );
    return withEtag(res, customerPolicyView(policy));
  }

  @Endpoint('customers.GetCustomerPolicyHistory', { type: CustomerPolicyHistoryView })
  async customersHistory(@Caller() caller: CallContext): Promise<CustomerPolicyHistoryView> {
    const history = await this.upstream.call<CustomerPolicyHistoryReply>(
      'customers.GetCustomerPolicyHistory',
      {},
      caller,
    );
    return { versions: history.versions.map(customerPolicyView) };
  }
}
