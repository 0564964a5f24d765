import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RPC_METADATA } from '../access/access.decorators';
import { accessOf, PUBLIC, type Rpc } from '../access/access.table';
import { CONTROLLERS } from '../gateway.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';

interface Handler {
  readonly rpc: Rpc;
  readonly method: RequestMethod;
  readonly interceptors: readonly unknown[];
}

/** Every route handler of the REST API, with its RPC, HTTP method and the interceptors mounted on it. */
function handlers(): Handler[] {
  return CONTROLLERS.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype).flatMap((name): Handler[] => {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function') return [];
      const rpc = Reflect.getMetadata(RPC_METADATA, handler) as Rpc | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (rpc === undefined || method === undefined) return [];
      const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[];
      return [{ rpc, method, interceptors }];
    }),
  );
}

describe('where Idempotency-Key is honoured', () => {
  const all = handlers();

  it('mounts the idempotency interceptor on every authenticated POST', () => {
    const posts = all.filter((h) => h.method === RequestMethod.POST && accessOf(h.rpc) !== PUBLIC);
    expect(posts.map((h) => h.rpc)).toContain('customers.RegisterCustomer');
    for (const { rpc, interceptors } of posts)
      expect([rpc, interceptors]).toEqual([rpc, [IdempotencyInterceptor]]);
  });

  it('mounts no interceptor on a read or a public route, which it could not act on', () => {
    const others = all.filter((h) => h.method !== RequestMethod.POST || accessOf(h.rpc) === PUBLIC);
    expect(others.map((h) => h.rpc)).toEqual(
      expect.arrayContaining(['customers.GetCustomer', 'tenancy.Authenticate']),
    );
    for (const { rpc, interceptors } of others) expect([rpc, interceptors]).toEqual([rpc, []]);
  });
});
