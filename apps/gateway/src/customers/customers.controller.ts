import { Body, Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import type { HttpResponse } from '../http/http.types';
import { etagOf, parseIfMatch } from '../http/if-match';
import { UuidParam } from '../http/uuid-param';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import {
  ChangeContactsDto,
  GetCustomerQuery,
  ListCustomersQuery,
  RegisterCustomerDto,
} from './customers.dto';
import { CustomerPageView, CustomerView, HistoryView } from './customers.views';

export const DEFAULT_PAGE_SIZE = 50;

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint({
    method: 'POST',
    path: '',
    rpc: 'customers.RegisterCustomer',
    status: 201,
    type: CustomerView,
    etag: true,
    location: true,
    summary: 'Register a customer',
  })
  async register(
    @Body() body: RegisterCustomerDto,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    const customer = await this.upstream.call<CustomerView>(
      'customers.RegisterCustomer',
      {
        name: body.name,
        phone: body.phone,
        email: body.email,
        channel: body.channel,
        branchId: body.branchId,
        notes: body.notes,
      },
      caller,
    );
    res.setHeader('Location', `/api/v1/customers/${encodeURIComponent(customer.id)}`);
    return withEtag(res, customer);
  }

  @Endpoint({
    method: 'GET',
    path: '',
    rpc: 'customers.ListCustomers',
    status: 200,
    type: CustomerPageView,
    purpose: true,
    summary: 'List customers, newest first, a page at a time',
  })
  list(@Query() query: ListCustomersQuery, @Caller() caller: CallContext): Promise<CustomerPageView> {
    return this.upstream.call<CustomerPageView>(
      'customers.ListCustomers',
      {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor,
        channel: query.channel,
        branchId: query.branchId,
      },
      caller,
    );
  }

  @Endpoint({
    method: 'GET',
    path: ':id',
    rpc: 'customers.GetCustomer',
    status: 200,
    type: CustomerView,
    uuidParams: ['id'],
    etag: true,
    purpose: true,
    summary: 'A customer, now or as it was at `asOf`',
  })
  async get(
    @UuidParam('id') id: string,
    @Query() query: GetCustomerQuery,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    const customer = await this.upstream.call<CustomerView>(
      'customers.GetCustomer',
      { id, asOf: query.asOf },
      caller,
    );
    return withEtag(res, customer);
  }

  @Endpoint({
    method: 'GET',
    path: ':id/history',
    rpc: 'customers.GetCustomerHistory',
    status: 200,
    type: HistoryView,
    uuidParams: ['id'],
    summary: 'What happened to a customer: who, when, on whose behalf, why, which fields',
  })
  history(@UuidParam('id') id: string, @Caller() caller: CallContext): Promise<HistoryView> {
    return this.upstream.call<HistoryView>('customers.GetCustomerHistory', { id }, caller);
  }

  @Endpoint({
    method: 'POST',
    path: ':id/change-contacts',
    rpc: 'customers.ChangeCustomerContacts',
    status: 200,
    type: CustomerView,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
    summary: 'Change a customer’s phone and/or email',
  })
  async changeContacts(
    @UuidParam('id') id: string,
    @Body() body: ChangeContactsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    const customer = await this.upstream.call<CustomerView>(
      'customers.ChangeCustomerContacts',
      // proto3 strings cannot be null: an empty string is how gRPC says "remove".
      {
        id,
        expectedVersion: parseIfMatch(ifMatch),
        phone: removable(body.phone),
        email: removable(body.email),
      },
      caller,
    );
    return withEtag(res, customer);
  }
}

function removable(value: string | null | undefined): string | undefined {
  return value === null ? '' : value;
}

function withEtag(res: HttpResponse, customer: CustomerView): CustomerView {
  res.setHeader('ETag', etagOf(customer.version));
  return customer;
}
