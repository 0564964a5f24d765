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
@Controller('policies')
export class PoliciesController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint({
    method: 'GET',
    path: 'customers',
    rpc: 'customers.GetCustomerPolicy',
    status: 200,
    type: CustomerPolicyView,
    etag: true,
    summary: 'Your customers policy: reply deadline, return visits, greetings',
  })
  async customers(
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerPolicyView> {
    const policy = await this.upstream.call<CustomerPolicyReply>('customers.GetCustomerPolicy', {}, caller);
    return withEtag(res, customerPolicyView(policy));
  }

  @Endpoint({
    method: 'PUT',
    path: 'customers',
    rpc: 'customers.ChangeCustomerPolicy',
    status: 200,
    type: CustomerPolicyView,
    etag: true,
    ifMatch: true,
    summary: 'Replace the customers policy (If-Match: the policy’s version); decisions from now on apply it',
  })
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

  @Endpoint({
    method: 'GET',
    path: 'customers/history',
    rpc: 'customers.GetCustomerPolicyHistory',
    status: 200,
    type: CustomerPolicyHistoryView,
    summary: 'Every version of the customers policy: what it was, when and by whom it changed',
  })
  async customersHistory(@Caller() caller: CallContext): Promise<CustomerPolicyHistoryView> {
    const history = await this.upstream.call<CustomerPolicyHistoryReply>(
      'customers.GetCustomerPolicyHistory',
      {},
      caller,
    );
    return { versions: history.versions.map(customerPolicyView) };
  }
}
