import { Metadata } from '@grpc/grpc-js';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import type { NestInterceptor } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { API } from '@serviceops/contracts';
import { grpcControllerOf, handlerTable, identityMetadata, type CallContext } from '@serviceops/platform';
import { lastValueFrom, of } from 'rxjs';
import { UsersHandlers } from '../../application/users.handlers';
import { TENANCY_HANDLERS } from '../../tenancy.service-definition';
import { TENANCY_PATH_IDS, withPathIds } from './path-ids';

const USER = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const caller: CallContext = { tenantId: USER, actorId: USER, roles: ['admin'], correlationId: 'c' };

describe('tenancy’s handlers', () => {
  it('handle each declared method once', () => {
    expect([...handlerTable('tenancy', TENANCY_HANDLERS).keys()].sort()).toEqual(
      Object.keys(API.tenancy).sort(),
    );
  });

  it('name the field each path id travels in, for every route that takes one', () => {
    const withPathId = Object.entries(API.tenancy)
      .filter(([, declaration]) => (declaration.http as { uuidParams?: unknown }).uuidParams)
      .map(([method]) => method);
    expect(Object.keys(TENANCY_PATH_IDS).sort()).toEqual(withPathId.sort());
  });
});

describe('withPathIds: a path id checked as every service’s', () => {
  const Controller = withPathIds(grpcControllerOf('tenancy', TENANCY_HANDLERS), TENANCY_PATH_IDS);
  const users = Object.create(UsersHandlers.prototype) as UsersHandlers;
  const seen: object[] = [];
  users.disableUser = (request) => {
    seen.push(request);
    return Promise.resolve({} as never);
  };
  const controller = new Controller({}, users, {}) as unknown as Record<
    string,
    (request: object, md: Metadata) => unknown
  >;

  /** The controller's method as Nest runs it: its interceptors first, then the method on the same arguments. */
  async function call(
    method: string,
    request: object,
    md: Metadata = identityMetadata(caller),
  ): Promise<unknown> {
    const handler = controller[method] as (request: object, md: Metadata) => unknown;
    const [interceptor] = Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as NestInterceptor[];
    const args: unknown[] = [request, md];
    const context = new ExecutionContextHost(args, Controller, handler);
    const run = () => of(handler.apply(controller, args as [object, Metadata]));
    return lastValueFrom<unknown>(await interceptor!.intercept(context, { handle: run }));
  }

  it('hands the handler the user id of the message as a checked, lower-cased id', async () => {
    await call('DisableUser', { userId: USER.toUpperCase(), expectedVersion: 3 });
    expect(seen.at(-1)).toEqual({ userId: USER.toUpperCase(), id: USER, expectedVersion: 3 });
  });

  it('answers NOT_FOUND for a malformed id, before any handler runs', async () => {
    const before = seen.length;
    await expect(call('DisableUser', { userId: 'not-a-uuid' })).rejects.toThrow('no such record');
    expect(seen).toHaveLength(before);
  });
});
