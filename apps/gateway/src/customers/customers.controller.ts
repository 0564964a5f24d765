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
@Controller()
export class CustomersController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint('customers.RegisterCustomer', { type: CustomerView })
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

  @Endpoint('customers.ListCustomers', { type: CustomerPageView })
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

  @Endpoint('customers.GetCustomer', { type: CustomerView })
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

  @Endpoint('customers.GetCustomerHistory', { type: HistoryView })
  history(@UuidParam('id') id: string, @Caller() caller: CallContext): Promise<HistoryView> {
    return this.upstream.call<HistoryView>('customers.GetCustomerHistory', { id }, caller);
  }

  @Endpoint('customers.GetCustomerTimeline', { type: TimelineView })
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

  @Endpoint('customers.ChangeCustomerContacts', { type: CustomerView })
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

  @Endpoint('customers.UpdateCustomerFile', { type: CustomerView })
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

  @Endpoint('customers.MergeCustomers', { type: CustomerView })
  merge(
    @UuidParam('id') id: string,
    @Body() body: MergeCustomersDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CustomerView> {
    return this.merging('customers.MergeCustomers', id, body, ifMatch, caller, res);
  }

  @Endpoint('customers.UndoCustomerMerge', { type: CustomerView })
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

  @Endpoint('customers.EraseCustomer', { type: CustomerView })
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
