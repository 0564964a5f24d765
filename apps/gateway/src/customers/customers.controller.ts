import { Body, Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import type { HttpResponse } from '../http/http.types';
import { parseIfMatch, withEtag } from '../http/if-match';
import { DEFAULT_PAGE_SIZE, PageQuery } from '../http/page.query';
import { UuidParam } from '../http/uuid-param';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import {
  ChangeContactsDto,
  EraseCustomerDto,
  GetCustomerQuery,
  ListCustomersQuery,
  MergeCustomersDto,
  RegisterCustomerDto,
  UpdateCustomerFileDto,
} from './customers.dto';
import {
  customerPageView,
  CustomerPageView,
  customerView,
  CustomerView,
  HistoryView,
  TimelineView,
  type CustomerPageReply,
  type CustomerReply,
} from './customers.views';

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
    summary: 'Register a customer (409 CUSTOMERS.DUPLICATE_SUSPECTED names look-alikes unless confirmed)',
  })
  async register(
    @Body() body: RegisterCustomerDto,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    const customer = await this.upstream.call<CustomerReply>(
      'customers.RegisterCustomer',
      {
        name: body.name,
        phone: body.phone,
        email: body.email,
        channel: body.channel,
        branchId: body.branchId,
        notes: body.notes,
        gender: body.gender,
        birthDate: body.birthDate,
        address: body.address,
        idNumber: body.idNumber,
        needs: body.needs ?? [],
        confirmDuplicate: body.confirmDuplicate,
      },
      caller,
    );
    res.setHeader('Location', `/api/v1/customers/${encodeURIComponent(customer.id)}`);
    return withEtag(res, customerView(customer));
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
  async list(@Query() query: ListCustomersQuery, @Caller() caller: CallContext): Promise<CustomerPageView> {
    const page = await this.upstream.call<CustomerPageReply>(
      'customers.ListCustomers',
      {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor,
        channel: query.channel,
        branchId: query.branchId,
        status: query.status,
      },
      caller,
    );
    return customerPageView(page);
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
    const customer = await this.upstream.call<CustomerReply>(
      'customers.GetCustomer',
      { id, asOf: query.asOf },
      caller,
    );
    return withEtag(res, customerView(customer));
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
    method: 'GET',
    path: ':id/timeline',
    rpc: 'customers.GetCustomerTimeline',
    status: 200,
    type: TimelineView,
    uuidParams: ['id'],
    purpose: true,
    summary: 'Everything that happened with a customer (inquiries, return visits, greetings…), newest first',
  })
  timeline(
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
    @Caller() caller: CallContext,
  ): Promise<TimelineView> {
    return this.upstream.call<TimelineView>(
      'customers.GetCustomerTimeline',
      { id, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor },
      caller,
    );
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
    summary: 'Change a customer’s phone, email and/or address',
  })
  async changeContacts(
    @UuidParam('id') id: string,
    @Body() body: ChangeContactsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    const customer = await this.upstream.call<CustomerReply>(
      'customers.ChangeCustomerContacts',
      {
        id,
        expectedVersion: parseIfMatch(ifMatch),
        phone: removable(body.phone),
        email: removable(body.email),
        address: removable(body.address),
      },
      caller,
    );
    return withEtag(res, customerView(customer));
  }

  @Endpoint({
    method: 'POST',
    path: ':id/update-file',
    rpc: 'customers.UpdateCustomerFile',
    status: 200,
    type: CustomerView,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
    summary: 'Update the customer file: name, gender, birth date, ID number, notes, needs',
  })
  async updateFile(
    @UuidParam('id') id: string,
    @Body() body: UpdateCustomerFileDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    const customer = await this.upstream.call<CustomerReply>(
      'customers.UpdateCustomerFile',
      {
        id,
        expectedVersion: parseIfMatch(ifMatch),
        name: body.name,
        gender: removable(body.gender),
        birthDate: removable(body.birthDate),
        idNumber: removable(body.idNumber),
        notes: removable(body.notes),
        // gRPC wraps the list, so that "no change" (absent) and "clear" (empty list) differ.
        needs: body.needs === undefined ? undefined : { items: body.needs },
      },
      caller,
    );
    return withEtag(res, customerView(customer));
  }

  @Endpoint({
    method: 'POST',
    path: ':id/merge',
    rpc: 'customers.MergeCustomers',
    status: 200,
    type: CustomerView,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
    summary: 'Merge a duplicate into this customer (If-Match: this customer’s version)',
  })
  merge(
    @UuidParam('id') id: string,
    @Body() body: MergeCustomersDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    return this.merging('customers.MergeCustomers', id, body, ifMatch, caller, res);
  }

  @Endpoint({
    method: 'POST',
    path: ':id/undo-merge',
    rpc: 'customers.UndoCustomerMerge',
    status: 200,
    type: CustomerView,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
    summary: 'Take a merged duplicate back out of this customer (If-Match: this customer’s version)',
  })
  undoMerge(
    @UuidParam('id') id: string,
    @Body() body: MergeCustomersDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    return this.merging('customers.UndoCustomerMerge', id, body, ifMatch, caller, res);
  }

  /** Merge and its undoing take the same request and answer the survivor. */
  private async merging(
    rpc: 'customers.MergeCustomers' | 'customers.UndoCustomerMerge',
    id: string,
    body: MergeCustomersDto,
    ifMatch: string | undefined,
    caller: CallContext,
    res: HttpResponse,
  ): Promise<CustomerView> {
    const customer = await this.upstream.call<CustomerReply>(
      rpc,
      { id, duplicateId: body.duplicateId, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, customerView(customer));
  }

  @Endpoint({
    method: 'POST',
    path: ':id/erase',
    rpc: 'customers.EraseCustomer',
    status: 200,
    type: CustomerView,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
    summary: 'Erase a customer’s personal data for good (the data key is destroyed); ids and history stay',
  })
  async erase(
    @UuidParam('id') id: string,
    @Body() body: EraseCustomerDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    const customer = await this.upstream.call<CustomerReply>(
      'customers.EraseCustomer',
      { id, reason: body.reason, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, customerView(customer));
  }
}

/** proto3 strings cannot be null: an empty string is how gRPC says "remove". */
function removable(value: string | null | undefined): string | undefined {
  return value === null ? '' : value;
}
